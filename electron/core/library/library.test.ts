import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LecternEvent } from '../../shared/api';
import type { ArticleMeta } from '../../shared/article';
import type { NewArticle } from './library';
import {
  caught,
  exists,
  newArticle,
  readJson,
  steppingClock,
  useLibraryFolder,
  walk,
} from './fixtures/library-folder';

const temp = useLibraryFolder();

describe('Library', () => {
  it('writes an article folder with its metadata, content, original and assets folder', async () => {
    const now = new Date('2024-01-01T09:00:00.000Z');
    const library = await temp.open(temp.dir, () => now);
    const meta = await library.add(newArticle('First', 'htm'));
    const folder = join(temp.dir, 'articles', meta.id);

    expect(meta.id).toMatch(/^[0-9a-z]{10}-[0-9a-z]{8}$/);
    expect(meta.id.slice(0, 10)).toBe(now.getTime().toString(36).padStart(10, '0'));
    expect((await readdir(folder)).sort()).toEqual([
      'article.json',
      'assets',
      'content.html',
      'original.htm',
    ]);
    expect((await stat(join(folder, 'assets'))).isDirectory()).toBe(true);
    expect(await readFile(join(folder, 'content.html'), 'utf8')).toBe('<p>First body</p>');
    expect(await readFile(join(folder, 'original.htm'), 'utf8')).toBe('<html>First</html>');
    expect(await readJson(join(folder, 'article.json'))).toEqual({
      id: meta.id,
      title: 'First',
      byline: 'A. Writer',
      siteName: 'example.com',
      url: 'https://example.com/a',
      published: null,
      lang: 'en',
      excerpt: 'First excerpt',
      wordCount: 3,
      addedAt: '2024-01-01T09:00:00.000Z',
      updatedAt: '2024-01-01T09:00:00.000Z',
      status: 'inbox',
      favorite: false,
      tags: [],
      progress: 0,
      note: '',
      source: { kind: 'html', name: 'First.htm', sha256: 'ab'.repeat(32), original: 'original.htm' },
      highlights: [],
    } satisfies ArticleMeta);
    expect(await library.content(meta.id)).toBe('<p>First body</p>');
    expect((await readdir(join(temp.dir, 'articles'))).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('lists the same articles, newest first, from a new instance', async () => {
    const library = await temp.open(temp.dir, steppingClock());
    const first = await library.add(newArticle('First'));
    const second = await library.add(newArticle('Second'));
    const third = await library.add(newArticle('Third'));
    expect(library.list().map((a) => a.title)).toEqual(['Third', 'Second', 'First']);

    const reopened = await temp.open(temp.dir);

    expect(reopened.list().map((a) => a.id)).toEqual([third.id, second.id, first.id]);
    expect(await reopened.get(second.id)).toEqual(second);
    expect(reopened.problems).toEqual([]);
  });

  it('persists update() across reopen', async () => {
    const clock = steppingClock();
    const library = await temp.open(temp.dir, clock);
    const meta = await library.add(newArticle('Changing'));

    const updated = await library.update(meta.id, (draft) => {
      draft.status = 'archived';
      draft.favorite = true;
      draft.progress = 0.75;
      draft.title = 'Changed';
    });

    expect(updated.updatedAt).not.toBe(meta.updatedAt);
    expect(updated.addedAt).toBe(meta.addedAt);
    const reopened = await temp.open(temp.dir);
    expect(await reopened.get(meta.id)).toMatchObject({
      status: 'archived',
      favorite: true,
      progress: 0.75,
      title: 'Changed',
      updatedAt: updated.updatedAt,
    });
    expect(await readJson(join(temp.dir, 'articles', meta.id, 'article.json'))).toEqual(updated);
  });

  it('adds images fetched later: files, content and lead image, keeping what the person gave', async () => {
    const library = await temp.open(temp.dir, steppingClock());
    const meta = await library.add(newArticle('Pictures'));
    await library.update(meta.id, (draft) => {
      draft.tags = ['sea'];
      draft.note = 'Mine';
    });
    const [first, second] = ['a'.repeat(32), 'b'.repeat(32)].map((hash) => ({
      name: `${hash}.png`,
      bytes: new Uint8Array([1, 2, 3]),
    })) as [NewArticle['assets'][number], NewArticle['assets'][number]];
    const html = `<p>Pictures body</p><img src="assets/${first.name}" alt="">`;

    const updated = await library.addImages(meta.id, html, [first], `assets/${first.name}`);
    const folder = join(temp.dir, 'articles', meta.id);
    expect(await readFile(join(folder, 'content.html'), 'utf8')).toBe(html);
    expect(await readdir(join(folder, 'assets'))).toEqual([first.name]);
    expect(updated).toMatchObject({ leadImage: `assets/${first.name}`, tags: ['sea'], note: 'Mine' });
    expect(library.summary(meta.id).updatedAt).toBe(updated.updatedAt);

    // A lead image already chosen stays.
    await library.addImages(meta.id, html, [second], `assets/${second.name}`);
    expect((await library.get(meta.id)).leadImage).toBe(`assets/${first.name}`);
    await expect(
      library.addImages(meta.id, html, [{ name: '../x.png', bytes: new Uint8Array() }], null),
    ).rejects.toThrow();
    expect(await readdir(join(folder, 'assets'))).toEqual([first.name, second.name].sort());
  });

  it('moves a trashed article to trash/<id>, after which it is not found', async () => {
    const library = await temp.open(temp.dir, steppingClock());
    const kept = await library.add(newArticle('Kept'));
    const gone = await library.add(newArticle('Gone'));

    await library.trash(gone.id);

    expect(await exists(join(temp.dir, 'articles', gone.id))).toBe(false);
    expect((await readdir(join(temp.dir, 'trash', gone.id))).sort()).toEqual([
      'article.json',
      'article.json.bak',
      'assets',
      'content.html',
      'original.html',
    ]);
    expect(library.list().map((a) => a.id)).toEqual([kept.id]);
    expect(library.trashed().map((a) => a.id)).toEqual([gone.id]);
    expect(library.summary(gone.id).trashedAt).toMatch(/^\d{4}-/);
    expect((await caught(library.trash(gone.id))).message).toMatch(/already in the trash/);
    expect(await library.content(gone.id)).toBe('<p>Gone body</p>');

    const reopened = await temp.open(temp.dir);
    expect(reopened.list().map((a) => a.id)).toEqual([kept.id]);
    expect(reopened.trashed().map((a) => a.id)).toEqual([gone.id]);
  });

  it('restores a trashed article as it was, and purges one for good', async () => {
    const library = await temp.open(temp.dir, steppingClock());
    const back = await library.add(newArticle('Back'));
    const gone = await library.add(newArticle('Gone'));
    await library.update(back.id, (meta) => {
      meta.tags = ['kept'];
    });
    await library.trash(back.id);
    await library.trash(gone.id);

    const restored = await library.restore(back.id);
    await library.purge(gone.id);

    expect(restored).toMatchObject({ id: back.id, tags: ['kept'], trashedAt: null });
    expect(await readJson(join(temp.dir, 'articles', back.id, 'article.json'))).not.toHaveProperty(
      'trashedAt',
    );
    expect(await exists(join(temp.dir, 'trash', gone.id))).toBe(false);
    expect((await caught(library.get(gone.id))).code).toBe('not-found');
    expect((await caught(library.purge(back.id))).code).toBe('invalid-argument');
    const reopened = await temp.open(temp.dir);
    expect(reopened.list().map((a) => a.id)).toEqual([back.id]);
    expect(reopened.trashed()).toEqual([]);
  });

  it('lands every one of many concurrent updates, in order, with no temp files left', async () => {
    const library = await temp.open(temp.dir, steppingClock());
    const meta = await library.add(newArticle('Busy'));
    const count = 60;

    const results = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        library.update(meta.id, (draft) => {
          draft.tags.push(`t${i}`);
          draft.progress = i / (count - 1);
          draft.title = `Busy ${i}`;
        }),
      ),
    );

    const expectedTags = Array.from({ length: count }, (_, i) => `t${i}`);
    const last = results.at(-1) as ArticleMeta;
    expect(last.tags).toEqual(expectedTags);
    const text = await readFile(join(temp.dir, 'articles', meta.id, 'article.json'), 'utf8');
    const stored = JSON.parse(text) as ArticleMeta;
    expect(stored).toEqual(last);
    expect(stored).toMatchObject({ title: `Busy ${count - 1}`, progress: 1, tags: expectedTags });
    expect((await walk(temp.dir)).filter((file) => file.endsWith('.tmp'))).toEqual([]);

    const reopened = await temp.open(temp.dir);
    expect(await reopened.get(meta.id)).toEqual(last);
  });
});

describe('what the library announces', () => {
  /** Opens a library and records every event it announces. */
  async function listening() {
    const library = await temp.open(temp.dir, steppingClock());
    const events: LecternEvent[] = [];
    library.onChange((event) => events.push(event));
    return { library, events };
  }

  const changedIds = (events: LecternEvent[]) =>
    events.map((event) =>
      event.type === 'library-changed'
        ? [...event.changed.map((a) => a.id), ...event.removed].join(' ')
        : event.type,
    );

  it('announces every article write exactly once, in the article’s new state', async () => {
    const { library, events } = await listening();
    const meta = await library.add(newArticle('Once'));
    expect(events).toEqual([{ type: 'library-changed', changed: [library.summary(meta.id)], removed: [] }]);

    events.length = 0;
    await library.update(meta.id, (draft) => {
      draft.favorite = true;
    });
    await library.update(meta.id, () => false);
    await library.addImages(meta.id, '<p>Once body</p>', [], null);
    await library.replace(meta.id, newArticle('Twice'));
    await library.trash(meta.id);
    await library.restore(meta.id);
    await library.trash(meta.id);
    await library.purge(meta.id);
    expect(changedIds(events)).toEqual([meta.id, meta.id, meta.id, meta.id, meta.id, meta.id, meta.id]);
    expect(events.at(-1)).toEqual({ type: 'library-changed', changed: [], removed: [meta.id] });
  });

  it('announces a change to highlights or the note as annotations-changed as well', async () => {
    const { library, events } = await listening();
    const meta = await library.add(newArticle('Noted'));
    events.length = 0;
    await library.update(meta.id, (draft) => {
      draft.note = 'A thought';
    });
    await library.update(meta.id, (draft) => {
      draft.tags = ['plain'];
    });
    expect(changedIds(events)).toEqual([meta.id, 'annotations-changed', meta.id]);
    expect(events[1]).toEqual({
      type: 'annotations-changed',
      articleId: meta.id,
      highlights: [],
      note: 'A thought',
    });
  });

  it('gathers the writes of a batch into one event, but not a write that only runs alongside it', async () => {
    const { library, events } = await listening();
    const ids = [];
    for (const title of ['A', 'B', 'C', 'D']) ids.push((await library.add(newArticle(title))).id);
    const [a, b, c, d] = ids as [string, string, string, string];
    events.length = 0;

    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const batch = library.batch(async () => {
      await library.update(a, (draft) => {
        draft.favorite = true;
      });
      await library.trash(b);
      await held;
      await Promise.all([library.update(c, (draft) => void draft.tags.push('x')), library.purge(b)]);
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await library.update(d, (draft) => {
      draft.favorite = true;
    });
    expect(changedIds(events)).toEqual([d]);
    release();
    await batch;

    expect(events).toHaveLength(2);
    expect(events[1]).toEqual({
      type: 'library-changed',
      changed: [library.summary(a), library.summary(c)],
      removed: [b],
    });
  });

  it('keeps a write whose listener throws, and drops that listener', async () => {
    const { library, events } = await listening();
    library.onChange(() => {
      throw new Error('a broken window');
    });
    const meta = await library.add(newArticle('Kept'));
    await library.update(meta.id, (draft) => {
      draft.favorite = true;
    });
    expect(library.summary(meta.id).favorite).toBe(true);
    expect(events).toHaveLength(2);
  });

  it('announces what verify finds changed on disk, once', async () => {
    const { library, events } = await listening();
    const meta = await library.add(newArticle('Edited elsewhere'));
    await library.close();
    const path = join(temp.dir, 'articles', meta.id, 'article.json');
    const record = (await readJson(path)) as ArticleMeta;
    await writeFile(path, JSON.stringify({ ...record, title: 'Edited by hand' }));

    const reopened = await temp.open(temp.dir);
    const seen: LecternEvent[] = [];
    reopened.onChange((event) => seen.push(event));
    await reopened.verify();
    expect(seen).toEqual([
      {
        type: 'library-changed',
        changed: [expect.objectContaining({ title: 'Edited by hand' })],
        removed: [],
      },
    ]);
    expect(events).toHaveLength(1);
  });

  it('moves its generation with every change to a summary, and only then', async () => {
    const library = await temp.open(temp.dir);
    const seen = [library.generation];
    const moved = () => {
      seen.push(library.generation);
      return seen.at(-1) !== seen.at(-2);
    };
    const { id } = await library.add(newArticle('First'));
    expect(moved()).toBe(true);
    await library.get(id);
    library.list();
    expect(moved()).toBe(false);
    await library.update(id, (meta) => {
      meta.favorite = true;
    });
    expect(moved()).toBe(true);
    await library.update(id, () => false);
    expect(moved()).toBe(false);
    await library.trash(id);
    expect(moved()).toBe(true);
    await library.purge(id);
    expect(moved()).toBe(true);
  });
});
