import { rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentPath, recordPath } from '../library/article-folder';
import { newArticle, pendingLink, useLibraryFolder } from '../library/fixtures/library-folder';
import { buildSegment } from './index-segment';

const folder = useLibraryFolder();

describe('a segment built from the library folder', () => {
  it('leaves out an article whose files are links or damaged, as reading it through the library does', async () => {
    const library = await folder.open(folder.dir);
    const ids: string[] = [];
    for (const title of ['Kept harbour', 'Linked text', 'Linked record', 'Damaged record']) {
      const article = newArticle(title);
      article.html = `<p>${title.toLowerCase()} words</p>`;
      ids.push((await library.add(article)).id);
    }
    const [kept, linkedText, linkedRecord, damaged] = ids as [string, string, string, string];
    const outside = join(folder.dir, '..', `outside-${Date.now()}.html`);
    await writeFile(outside, '<p>planted secret</p>');
    try {
      await rm(contentPath(folder.dir, 'articles', linkedText));
      await symlink(outside, contentPath(folder.dir, 'articles', linkedText));
      await rm(recordPath(folder.dir, 'articles', linkedRecord));
      await symlink(outside, recordPath(folder.dir, 'articles', linkedRecord));
      await writeFile(recordPath(folder.dir, 'articles', damaged), '{"id": "not this one"}');
      const items = ids.map((id) => ({ id, place: 'articles' as const, stamp: 'stamp' }));
      const { segment, unreadable } = await buildSegment(folder.dir, items);
      expect(unreadable).toEqual([linkedText, linkedRecord, damaged]);
      expect(segment.ids).toEqual([kept]);
      expect(segment.terms).toContain('harbour');
      expect(segment.terms).not.toContain('secret');
    } finally {
      await rm(outside, { force: true });
    }
  });

  it('reads a pending link written as its record alone by its address', async () => {
    const library = await folder.open(folder.dir);
    const { added } = await library.addMany([
      { article: pendingLink('https://example.org/kittiwake-ledges') },
    ]);
    const items = added.map(({ id }) => ({ id, place: 'articles' as const, stamp: 'stamp' }));
    const { segment, unreadable } = await buildSegment(folder.dir, items);
    expect(unreadable).toEqual([]);
    expect(segment.terms).toContain('kittiwake');
  });
});
