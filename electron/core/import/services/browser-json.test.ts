import { describe, expect, it } from 'vitest';
import { parseChrome } from './chrome';
import { parseFirefox } from './firefox';

describe('Chrome Bookmarks', () => {
  it('reads folders below the roots as tags and dates since 1601', () => {
    const json = JSON.stringify({
      checksum: 'x',
      version: 1,
      roots: {
        bookmark_bar: {
          type: 'folder',
          name: 'Bookmarks bar',
          children: [
            {
              type: 'folder',
              name: 'Read',
              children: [
                { type: 'url', name: 'A', url: 'https://a.example/', date_added: '13118850929335823' },
              ],
            },
          ],
        },
        other: { type: 'folder', name: 'Other', children: [{ type: 'url', name: 'J', url: 'javascript:x' }] },
      },
    });
    const { items, problems } = parseChrome(json, 'Bookmarks');
    expect(items).toMatchObject([
      { url: 'https://a.example/', title: 'A', tags: ['Read'], state: 'archive' },
    ]);
    expect(items[0]?.savedAt).toBe(1474377329335);
    expect(problems).toMatchObject([{ file: 'Bookmarks', at: 'bookmark 2' }]);
  });

  it('reports a JSON file without roots', () => {
    expect(parseChrome('{"roots": 5}', 'Bookmarks').problems[0]?.reason).toMatch(/no bookmark roots/);
  });
});

describe('Firefox backup', () => {
  it('reads tags, descriptions and µs dates, skipping the built-in roots as tags', () => {
    const json = JSON.stringify({
      type: 'text/x-moz-place-container',
      root: 'placesRoot',
      children: [
        {
          type: 'text/x-moz-place-container',
          root: 'toolbarFolder',
          title: 'Toolbar',
          children: [
            {
              type: 'text/x-moz-place-container',
              title: 'Cooking',
              children: [
                {
                  type: 'text/x-moz-place',
                  title: 'Soup',
                  uri: 'https://soup.example/',
                  tags: 'food,hot',
                  dateAdded: 1616337559000000,
                  annos: [{ name: 'bookmarkProperties/description', value: 'Good soup' }],
                },
              ],
            },
          ],
        },
      ],
    });
    const { items } = parseFirefox(json, 'bookmarks.json');
    expect(items).toEqual([
      expect.objectContaining({
        url: 'https://soup.example/',
        tags: ['food', 'hot', 'Cooking'],
        note: 'Good soup',
        savedAt: 1616337559000,
      }),
    ]);
  });

  it('reports wrong types rather than throwing', () => {
    expect(parseFirefox('[1, 2]', 'b.json').problems[0]?.reason).toMatch(/not a bookmark tree/);
  });
});
