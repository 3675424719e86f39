import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newArticle, pendingLink, useLibraryFolder } from './fixtures/library-folder';
import { pendingContent } from './pending-link';

const temp = useLibraryFolder();

const URL = 'https://example.org/a?b=1&c="2"';

describe('a pending link on disk', () => {
  it('is its record alone, whether added alone or in a batch, and reads back whole', async () => {
    const library = await temp.open(temp.dir);
    const alone = await library.add(pendingLink(URL));
    const { added } = await library.addMany([{ article: pendingLink(`${URL}&d`) }]);
    for (const meta of [alone, ...added]) {
      expect(await readdir(join(temp.dir, 'articles', meta.id))).toEqual(['article.json']);
      expect(await library.content(meta.id)).toBe(pendingContent(meta.url ?? ''));
      expect(new TextDecoder().decode(await library.original(meta.id))).toBe(
        `[InternetShortcut]\r\nURL=${meta.url}\r\n`,
      );
    }
    expect(await library.content(alone.id)).toBe(
      '<p><a href="https://example.org/a?b=1&#38;c=&#34;2&#34;" rel="noopener noreferrer">' +
        'https://example.org/a?b=1&#38;c=&#34;2&#34;</a></p>',
    );

    // In the trash and back, and after a reopen, it is the same.
    await library.trash(alone.id);
    expect(await library.content(alone.id)).toBe(pendingContent(URL));
    await library.restore(alone.id);
    await library.close();
    const reopened = await temp.open(temp.dir);
    expect((await reopened.get(alone.id)).pending).toEqual({ reason: 'Not fetched yet.' });
    expect(await reopened.content(alone.id)).toBe(pendingContent(URL));
  });

  it('becomes a whole folder once its page is fetched', async () => {
    const library = await temp.open(temp.dir);
    const { id } = await library.add(pendingLink(URL));
    await library.replace(id, newArticle('Fetched'));
    expect((await readdir(join(temp.dir, 'articles', id))).sort()).toEqual([
      'article.json',
      'assets',
      'content.html',
      'original.html',
    ]);
    expect(await library.content(id)).toBe('<p>Fetched body</p>');
  });

  it('keeps the files an older library wrote for it, and reads them as they are', async () => {
    const library = await temp.open(temp.dir);
    const { id } = await library.add(pendingLink(URL));
    const folder = join(temp.dir, 'articles', id);
    await writeFile(join(folder, 'content.html'), '<p>As written before</p>');
    await writeFile(join(folder, 'original.url'), 'older bytes');
    expect(await library.content(id)).toBe('<p>As written before</p>');
    expect(new TextDecoder().decode(await library.original(id))).toBe('older bytes');
  });

  it('still fails to read the missing content of an article that is not a pending link', async () => {
    const library = await temp.open(temp.dir);
    const { id } = await library.add(newArticle('Saved'));
    await rm(join(temp.dir, 'articles', id, 'content.html'));
    await expect(library.content(id)).rejects.toThrow();
  });
});
