import { describe, expect, it } from 'vitest';
import { omnivoreHighlights, parseOmnivore } from './omnivore';
import { parseWallabag } from './wallabag';

describe('Omnivore', () => {
  it('reads metadata, its content by slug, and highlights with notes', () => {
    const metadata = JSON.stringify([
      {
        slug: 's1',
        title: 'T',
        author: 'Au',
        description: 'D',
        url: 'https://o.example/',
        state: 'Archived',
        readingProgress: 40,
        labels: ['a b', 'c'],
        savedAt: '2024-10-29T16:30:11.000Z',
      },
      { slug: 's2', url: 'file:///x', state: 'Active' },
    ]);
    const { items, problems } = parseOmnivore(
      {
        metadata: [{ name: 'metadata_0_to_20.json', text: metadata }],
        content: new Map([
          [
            's1',
            '<p><img src="https://proxy-prod.omnivore-image-cache.app/10x20,sAbc-_/https://i.example/p.png"></p>',
          ],
        ]),
        highlights: new Map([['s1', '> first quote \n\n#l1 #l2\n\na note\n\n> second']]),
      },
      'omnivore.zip',
    );
    expect(items[0]).toMatchObject({
      title: 'T',
      author: 'Au',
      excerpt: 'D',
      state: 'archive',
      progress: 0.4,
      tags: ['a b', 'c'],
      savedAt: Date.UTC(2024, 9, 29, 16, 30, 11),
      html: '<p><img src="https://i.example/p.png"></p>',
      highlights: [{ quote: 'first quote', note: 'a note' }, { quote: 'second' }],
    });
    expect(problems).toMatchObject([{ file: 'omnivore.zip › metadata_0_to_20.json', at: 'item 2' }]);
  });

  it('keeps a quote of several paragraphs as one highlight', () => {
    expect(omnivoreHighlights('> one\n> \n\ntwo')).toEqual([{ quote: 'one', note: 'two' }]);
  });
});

describe('wallabag', () => {
  it.each([
    [
      'v2',
      {
        url: 'https://w.example/',
        is_archived: 1,
        is_starred: true,
        tags: ['x'],
        created_at: '2016-09-08T11:55:58+0200',
      },
    ],
    ['v1', { url: 'https://w.example/', is_read: '1', is_fav: '1', tags: 'x', content: '' }],
  ])('reads the %s flags and tags', (_name, entry) => {
    const { items } = parseWallabag(JSON.stringify([entry]), 'wallabag.json');
    expect(items[0]).toMatchObject({ state: 'archive', favorite: true, tags: ['x'] });
  });

  it('keeps the content and annotations with their notes', () => {
    const entry = {
      url: 'https://w.example/',
      content: '<p>Hello world</p>',
      annotations: [{ quote: 'Hello', text: 'greeting', ranges: [] }, { text: 'no quote' }],
    };
    const { items } = parseWallabag(JSON.stringify([entry]), 'wallabag.json');
    expect(items[0]).toMatchObject({
      html: '<p>Hello world</p>',
      highlights: [{ quote: 'Hello', note: 'greeting' }],
    });
  });

  it('reports entries of the wrong type by number and a file that is not a list', () => {
    const { items, problems } = parseWallabag('[5, {"url": "https://ok.example/"}]', 'w.json');
    expect(items).toHaveLength(1);
    expect(problems).toMatchObject([{ at: 'item 1' }]);
    expect(parseWallabag('{"a": 1}', 'w.json').problems[0]?.reason).toMatch(/not a list of items/);
  });
});
