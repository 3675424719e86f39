import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newArticle, useLibraryFolder } from './fixtures/library-folder';

const temp = useLibraryFolder();
const open = () => temp.open(temp.dir);

const catalogPath = () => join(temp.dir, '.cache', 'catalog.json');

async function cachedTitles(): Promise<string[]> {
  const file = JSON.parse(await readFile(catalogPath(), 'utf8')) as {
    entries: { summary: { title: string } }[];
  };
  return file.entries.map((entry) => entry.summary.title).sort();
}

describe('the catalog cache', () => {
  it('is written on close and used on the next open instead of the article files', async () => {
    const library = await open();
    const a = await library.add(newArticle('Alpha'));
    await library.add(newArticle('Beta'));
    await library.close();
    expect(await cachedTitles()).toEqual(['Alpha', 'Beta']);

    // A cached summary is believed at open; verify() then notices the file changed.
    const path = join(temp.dir, 'articles', a.id, 'article.json');
    const stored = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...stored, title: 'Alpha, edited elsewhere' }));

    const reopened = await open();
    expect(reopened.summary(a.id).title).toBe('Alpha');
    const changes = await reopened.verify();
    expect(changes.changed.map((s) => s.title)).toEqual(['Alpha, edited elsewhere']);
    expect(reopened.summary(a.id).title).toBe('Alpha, edited elsewhere');
    await reopened.close();
    expect(await cachedTitles()).toEqual(['Alpha, edited elsewhere', 'Beta']);
  });

  it('keeps listing an article while verify() reads its changed file again', async () => {
    const library = await open();
    const a = await library.add(newArticle('Alpha'));
    await library.close();
    const path = join(temp.dir, 'articles', a.id, 'article.json');
    const stored = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    // As after a crash: the record was written after the cache was saved.
    await writeFile(path, JSON.stringify({ ...stored, note: 'written before the crash' }));

    const reopened = await open();
    let done = false;
    const verifying = reopened.verify().finally(() => (done = true));
    let missing = 0;
    while (!done) {
      if (!reopened.list().some((summary) => summary.id === a.id)) missing++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await verifying).changed.map((s) => s.id)).toEqual([a.id]);
    expect(missing).toBe(0);
    await reopened.close();
  });

  it('checks every record before answering when the last process did not close', async () => {
    const library = await open();
    const a = await library.add(newArticle('Alpha'));
    await library.flush();
    // Written after the cache was saved, then the process dies without closing.
    await library.update(a.id, (meta) => {
      meta.tags = ['kept'];
    });

    const reopened = await open();
    expect(reopened.summary(a.id).tags).toEqual(['kept']);
    await reopened.close();
  });

  it('reads folders the cache does not know and drops entries whose folder is gone', async () => {
    const library = await open();
    const gone = await library.add(newArticle('Gone'));
    await library.add(newArticle('Stays'));
    await library.close();
    const other = await open();
    const added = await other.add(newArticle('Added without the cache'));
    await rm(join(temp.dir, 'articles', gone.id), { recursive: true });

    const reopened = await open();

    expect(
      reopened
        .list()
        .map((a) => a.title)
        .sort(),
    ).toEqual(['Added without the cache', 'Stays']);
    expect(reopened.has(added.id)).toBe(true);
    expect(reopened.has(gone.id)).toBe(false);
  });

  it.each([
    ['damaged', '{"version": 1, "entries": [{"place": "articles"'],
    ['from another version', '{"version": 999, "entries": []}'],
    ['holding a malformed entry', '{"version": 1, "entries": [{"place": "moon"}]}'],
  ])('is rebuilt from the article files when %s', async (_label, text) => {
    const library = await open();
    await library.add(newArticle('Survivor'));
    await library.close();
    await writeFile(catalogPath(), text);

    const reopened = await open();
    expect(reopened.list().map((a) => a.title)).toEqual(['Survivor']);
    expect(reopened.problems).toEqual([]);
    await reopened.close();
    expect(await cachedTitles()).toEqual(['Survivor']);
  });

  it('can be deleted with the whole .cache folder without losing anything', async () => {
    const library = await open();
    const kept = await library.add(newArticle('Kept'));
    await library.update(kept.id, (meta) => {
      meta.tags = ['safe'];
    });
    const trashed = await library.add(newArticle('Trashed'));
    await library.trash(trashed.id);
    await library.close();
    await rm(join(temp.dir, '.cache'), { recursive: true });

    const reopened = await open();
    expect(reopened.list().map((a) => [a.title, a.tags])).toEqual([['Kept', ['safe']]]);
    expect(reopened.trashed().map((a) => a.title)).toEqual(['Trashed']);
  });
});
