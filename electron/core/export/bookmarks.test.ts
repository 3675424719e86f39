import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readArticles } from './articles';
import { netscapeBookmarks } from './bookmarks';
import { useFixtureLibrary } from './fixture-library';

const fixture = useFixtureLibrary();

describe('netscapeBookmarks', () => {
  it('writes a Netscape bookmark file with dates in seconds, tags and escaped text', async () => {
    const { library, page, book } = fixture();
    await library.update(page, (meta) => {
      meta.title = 'Keepers <of> "the" Light & more';
    });
    const meta = await library.get(page);
    const { html, count } = await netscapeBookmarks(readArticles(library, [page, book], false));
    expect(count).toBe(1);
    expect(html.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>')).toBe(true);
    const { document } = new JSDOM(html).window;
    const links = [...document.querySelectorAll('a')];
    expect(links).toHaveLength(1);
    const link = links[0] as Element;
    expect(link.getAttribute('href')).toBe('https://example.com/keepers?a=1&b=2');
    expect(link.textContent).toBe('Keepers <of> "the" Light & more');
    expect(link.getAttribute('add_date')).toBe(String(Math.floor(Date.parse(meta.addedAt) / 1000)));
    expect(link.getAttribute('last_modified')).toBe(String(Math.floor(Date.parse(meta.updatedAt) / 1000)));
    expect(link.getAttribute('tags')).toBe('work,sea/keepers');
    expect(html).toContain('<DD>My note on *keepers*.');
  });
});
