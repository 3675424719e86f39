import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LecternEvent } from '../../shared/api';
import { newArticle, readJson, useLibraryFolder } from './fixtures/library-folder';

const temp = useLibraryFolder();

describe('Library.addMany', () => {
  it('writes every article whole, completed before it is written, and announces them once', async () => {
    const library = await temp.open(temp.dir);
    const events: LecternEvent[] = [];
    library.onChange((event) => events.push(event));
    const titles = Array.from({ length: 70 }, (_, i) => `Item ${i}`);
    const { added, failure } = await library.addMany(
      titles.map((title, i) => ({
        article: newArticle(title),
        complete: (meta) => {
          meta.tags = [`t${i % 3}`];
          meta.status = 'archived';
          meta.addedAt = '2015-01-02T00:00:00.000Z';
        },
      })),
    );
    expect(failure).toBeNull();
    expect(added.map((meta) => meta.title)).toEqual(titles);
    const folder = join(temp.dir, 'articles', added[5]!.id);
    expect((await readdir(folder)).sort()).toEqual([
      'article.json',
      'assets',
      'content.html',
      'original.html',
    ]);
    expect(await readFile(join(folder, 'content.html'), 'utf8')).toBe('<p>Item 5 body</p>');
    expect(await readJson(join(folder, 'article.json'))).toMatchObject({
      title: 'Item 5',
      tags: ['t2'],
      status: 'archived',
      addedAt: '2015-01-02T00:00:00.000Z',
    });
    expect(library.list()).toHaveLength(70);
    expect(events.filter((event) => event.type === 'library-changed')).toHaveLength(1);
    expect((await readdir(join(temp.dir, 'articles'))).filter((name) => name.startsWith('.'))).toEqual([]);

    // The catalog's stamps are the files' own: reopening rereads nothing and finds every article as written.
    await library.close();
    const reopened = await temp.open(temp.dir);
    expect(await reopened.verify()).toEqual({ changed: [], removed: [] });
    expect((await reopened.get(added[5]!.id)).tags).toEqual(['t2']);
  });

  it('leaves nothing of a batch that fails, and says so as a value', async () => {
    const library = await temp.open(temp.dir);
    const bad = { ...newArticle('Bad'), assets: [{ name: '../escape.png', bytes: new Uint8Array([1]) }] };
    const { added, failure } = await library.addMany([{ article: newArticle('Good') }, { article: bad }]);
    expect(added).toEqual([]);
    expect(failure?.code).toBe('library-unavailable');
    expect(library.list()).toEqual([]);
    expect(await readdir(join(temp.dir, 'articles'))).toEqual([]);
  });

  it('leaves nothing when a later group fails while an earlier one is still being synced', async () => {
    const library = await temp.open(temp.dir);
    const bad = { ...newArticle('Bad'), assets: [{ name: '../escape.png', bytes: new Uint8Array([1]) }] };
    const articles = Array.from({ length: 40 }, (_, i) => ({
      article: i === 36 ? bad : newArticle(`Item ${i}`),
    }));
    const { added, failure } = await library.addMany(articles);
    expect(added).toEqual([]);
    expect(failure?.code).toBe('library-unavailable');
    expect(await readdir(join(temp.dir, 'articles'))).toEqual([]);
    // The library still writes: no descriptor or staging folder of the failed batch is in the way.
    expect((await library.addMany([{ article: newArticle('After') }])).failure).toBeNull();
  });
});
