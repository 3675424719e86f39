import { describe, expect, it } from 'vitest';
import { MAX_FOLDER_DEPTH } from './bookmark-folders';
import { parseNetscape } from './netscape';

const HEAD = '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n';

describe('Netscape bookmarks', () => {
  it('turns nested folders into a nested tag, keeps TAGS, notes and TOREAD', () => {
    const html =
      HEAD +
      '<DL><p>\n<DT><H3 PERSONAL_TOOLBAR_FOLDER="true">Bar</H3>\n<DL><p>\n' +
      '<DT><H3>News, daily</H3>\n<DL><p>\n<DT><H3>Tech</H3>\n<DL><p>\n' +
      '<DT><A HREF="https://a.example/" ADD_DATE="1616337559" TAGS="x,y" TOREAD="1">A &amp; B</A>\n' +
      '<DD>first line\nsecond line\n</DL><p>\n' +
      '<DT><A HREF="https://b.example/" ADD_DATE="1616337559000">B</A>\n' +
      '</DL><p>\n</DL><p>\n<DT><A HREF="https://c.example/" ADD_DATE="1616337559000000">C</A>\n</DL><p>';
    const { items, problems } = parseNetscape(html, 'bookmarks.html');
    expect(problems).toEqual([]);
    expect(items).toMatchObject([
      { url: 'https://a.example/', title: 'A & B', tags: ['x', 'y', 'News, daily/Tech'], state: 'inbox' },
      { url: 'https://b.example/', tags: ['News, daily'], state: 'archive' },
      { url: 'https://c.example/', tags: [] },
    ]);
    expect(items[0]?.note).toBe('first line second line');
    expect(new Set(items.map((item) => item.savedAt))).toEqual(new Set([1616337559000]));
  });

  it('reads a file nested 5,000 folders deep without recursion, and says the tag was cut', () => {
    const depth = 5000;
    const html =
      HEAD +
      '<DT><H3>f</H3><DL><p>\n'.repeat(depth) +
      '<DT><A HREF="https://deep.example/">Deep</A>\n' +
      '</DL><p>\n'.repeat(depth);
    const { items, problems } = parseNetscape(html, 'deep.html');
    expect(items[0]?.tags[0]?.split('/')).toHaveLength(MAX_FOLDER_DEPTH);
    expect(problems).toMatchObject([
      { file: 'deep.html', reason: expect.stringMatching(/nested more than/) },
    ]);
  });

  it('refuses javascript: and file: bookmarks by their number and keeps the rest', () => {
    const html =
      HEAD +
      '<DL><p><DT><A HREF="javascript:void(0)">Let</A><DT><A HREF="file:///home/me">Home</A>' +
      '<DT><A HREF="https://ok.example/">OK</A></DL>';
    const { items, problems } = parseNetscape(html, 'b.html');
    expect(items.map((item) => item.url)).toEqual(['https://ok.example/']);
    expect(problems.map((problem) => problem.at)).toEqual(['bookmark 1', 'bookmark 2']);
  });
});
