import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../shared/article';
import { LecternError } from '../../shared/errors';
import { Library, type NewArticle } from './library';

let dir: string;
let opened: Library[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-library-'));
});

afterEach(async () => {
  await Promise.all(opened.map((library) => library.close()));
  opened = [];
  await rm(dir, { recursive: true, force: true });
});

/** Opens a library that afterEach closes, so no cache write outlives the test folder. */
async function openLibrary(...args: Parameters<typeof Library.open>): Promise<Library> {
  const library = await Library.open(...args);
  opened.push(library);
  return library;
}

/** A clock that moves one minute forward on every reading, so "newest first" is decidable. */
function steppingClock(start = Date.UTC(2024, 0, 1, 9, 0, 0)): () => Date {
  let time = start;
  return () => {
    const now = new Date(time);
    time += 60_000;
    return now;
  };
}

function newArticle(title: string, extension = 'html'): NewArticle {
  return {
    fields: {
      title,
      byline: 'A. Writer',
      siteName: 'example.com',
      url: 'https://example.com/a',
      published: null,
      lang: 'en',
      excerpt: `${title} excerpt`,
      wordCount: 3,
    },
    html: `<p>${title} body</p>`,
    assets: [],
    source: { kind: 'html', name: `${title}.${extension}`, sha256: 'ab'.repeat(32) },
    original: { bytes: new TextEncoder().encode(`<html>${title}</html>`), extension },
  };
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Every file under `root`, as paths relative to it. */
async function walk(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1));
}

async function caught(promise: Promise<unknown>): Promise<LecternError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LecternError);
    return error as LecternError;
  }
  throw new Error('expected a LecternError');
}

describe('Library', () => {
  it('creates lectern.json with format version 1 and the library folders', async () => {
    const library = await openLibrary(dir, () => new Date('2024-05-06T07:08:09.000Z'));

    expect(await readJson(join(dir, 'lectern.json'))).toEqual({
      formatVersion: 1,
      createdAt: '2024-05-06T07:08:09.000Z',
      tagColors: {},
      savedViews: [],
      settings: {},
    });
    expect((await stat(join(dir, 'articles'))).isDirectory()).toBe(true);
    expect((await stat(join(dir, 'trash'))).isDirectory()).toBe(true);
    expect(library.list()).toEqual([]);
    expect(library.problems).toEqual([]);
  });

  it('keeps an existing lectern.json as it is on reopen', async () => {
    await openLibrary(dir, () => new Date('2024-01-01T00:00:00.000Z'));
    await openLibrary(dir, () => new Date('2030-01-01T00:00:00.000Z'));

    expect(await readJson(join(dir, 'lectern.json'))).toMatchObject({
      formatVersion: 1,
      createdAt: '2024-01-01T00:00:00.000Z',
    });
  });

  it('writes an article folder with its metadata, content, original and assets folder', async () => {
    const now = new Date('2024-01-01T09:00:00.000Z');
    const library = await openLibrary(dir, () => now);
    const meta = await library.add(newArticle('First', 'htm'));
    const folder = join(dir, 'articles', meta.id);

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
    expect((await readdir(join(dir, 'articles'))).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('lists the same articles, newest first, from a new instance', async () => {
    const library = await openLibrary(dir, steppingClock());
    const first = await library.add(newArticle('First'));
    const second = await library.add(newArticle('Second'));
    const third = await library.add(newArticle('Third'));
    expect(library.list().map((a) => a.title)).toEqual(['Third', 'Second', 'First']);

    const reopened = await openLibrary(dir);

    expect(reopened.list().map((a) => a.id)).toEqual([third.id, second.id, first.id]);
    expect(await reopened.get(second.id)).toEqual(second);
    expect(reopened.problems).toEqual([]);
  });

  it('persists update() across reopen', async () => {
    const clock = steppingClock();
    const library = await openLibrary(dir, clock);
    const meta = await library.add(newArticle('Changing'));

    const updated = await library.update(meta.id, (draft) => {
      draft.status = 'archived';
      draft.favorite = true;
      draft.progress = 0.75;
      draft.title = 'Changed';
    });

    expect(updated.updatedAt).not.toBe(meta.updatedAt);
    expect(updated.addedAt).toBe(meta.addedAt);
    const reopened = await openLibrary(dir);
    expect(await reopened.get(meta.id)).toMatchObject({
      status: 'archived',
      favorite: true,
      progress: 0.75,
      title: 'Changed',
      updatedAt: updated.updatedAt,
    });
    expect(await readJson(join(dir, 'articles', meta.id, 'article.json'))).toEqual(updated);
  });

  it('adds images fetched later: files, content and lead image, keeping what the person gave', async () => {
    const library = await openLibrary(dir, steppingClock());
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
    const folder = join(dir, 'articles', meta.id);
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
    const library = await openLibrary(dir, steppingClock());
    const kept = await library.add(newArticle('Kept'));
    const gone = await library.add(newArticle('Gone'));

    await library.trash(gone.id);

    expect(await exists(join(dir, 'articles', gone.id))).toBe(false);
    expect((await readdir(join(dir, 'trash', gone.id))).sort()).toEqual([
      'article.json',
      'assets',
      'content.html',
      'original.html',
    ]);
    expect(library.list().map((a) => a.id)).toEqual([kept.id]);
    expect(library.trashed().map((a) => a.id)).toEqual([gone.id]);
    expect(library.summary(gone.id).trashedAt).toMatch(/^\d{4}-/);
    expect((await caught(library.trash(gone.id))).message).toMatch(/already in the trash/);
    expect(await library.content(gone.id)).toBe('<p>Gone body</p>');

    const reopened = await openLibrary(dir);
    expect(reopened.list().map((a) => a.id)).toEqual([kept.id]);
    expect(reopened.trashed().map((a) => a.id)).toEqual([gone.id]);
  });

  it('restores a trashed article as it was, and purges one for good', async () => {
    const library = await openLibrary(dir, steppingClock());
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
    expect(await readJson(join(dir, 'articles', back.id, 'article.json'))).not.toHaveProperty('trashedAt');
    expect(await exists(join(dir, 'trash', gone.id))).toBe(false);
    expect((await caught(library.get(gone.id))).code).toBe('not-found');
    expect((await caught(library.purge(back.id))).code).toBe('invalid-argument');
    const reopened = await openLibrary(dir);
    expect(reopened.list().map((a) => a.id)).toEqual([back.id]);
    expect(reopened.trashed()).toEqual([]);
  });

  it.each([
    ['invalid JSON', '{"formatVersion": 1, '],
    ['an empty file', ''],
    ['JSON without a format version', '{"tagColors": {}}'],
    ['a JSON array', '[1, 2, 3]'],
  ])('sets a lectern.json holding %s aside and still lists the articles', async (_label, damaged) => {
    const library = await openLibrary(dir, steppingClock());
    const meta = await library.add(newArticle('Survivor'));
    await writeFile(join(dir, 'lectern.json'), damaged);

    const when = new Date('2024-02-03T04:05:06.000Z');
    const reopened = await openLibrary(dir, () => when);

    const aside = join(dir, `lectern.json.damaged-${when.getTime()}`);
    expect(await readFile(aside, 'utf8')).toBe(damaged);
    expect(await readJson(join(dir, 'lectern.json'))).toMatchObject({ formatVersion: 1 });
    expect(reopened.problems).toHaveLength(1);
    expect(reopened.problems[0]?.path).toBe(aside);
    expect(reopened.problems[0]?.message).toContain('lectern.json was damaged');
    expect(reopened.problems[0]?.message).toContain(aside);
    expect(reopened.list().map((a) => a.id)).toEqual([meta.id]);
  });

  it.each([
    ['invalid JSON', '{"id": "broken'],
    ['a record for another id', JSON.stringify({ id: '0000000000-zzzzzzzz', title: 'x', addedAt: 'x' })],
    ['a record without a title', '{"addedAt": "2024-01-01T00:00:00.000Z"}'],
  ])('skips an article.json holding %s with a problem, leaving it on disk', async (_label, damaged) => {
    const library = await openLibrary(dir, steppingClock());
    const good = await library.add(newArticle('Good'));
    const bad = await library.add(newArticle('Bad'));
    const badPath = join(dir, 'articles', bad.id, 'article.json');
    await writeFile(badPath, damaged);

    const reopened = await openLibrary(dir);

    expect(reopened.list().map((a) => a.id)).toEqual([good.id]);
    expect(reopened.problems).toHaveLength(1);
    expect(reopened.problems[0]?.path).toBe(badPath);
    expect(reopened.problems[0]?.message).toMatch(/skipped and left on disk/);
    expect(await readFile(badPath, 'utf8')).toBe(damaged);
    expect(await exists(join(dir, 'articles', bad.id, 'content.html'))).toBe(true);
    expect((await caught(reopened.get(bad.id))).code).toBe('not-found');
  });

  it('removes leftover staging folders on open and ignores folders that are not articles', async () => {
    const library = await openLibrary(dir, steppingClock());
    const meta = await library.add(newArticle('Real'));
    const staging = join(dir, 'articles', '.staging-0000000001-abcdefgh');
    await mkdir(join(staging, 'assets'), { recursive: true });
    await writeFile(join(staging, 'content.html'), '<p>half written</p>');
    await mkdir(join(dir, 'articles', 'not-an-article'));

    const reopened = await openLibrary(dir);

    expect(await exists(staging)).toBe(false);
    expect(await exists(join(dir, 'articles', 'not-an-article'))).toBe(true);
    expect(reopened.list().map((a) => a.id)).toEqual([meta.id]);
    expect(reopened.problems).toEqual([]);
  });

  it('refuses a library written in a newer format, leaving it untouched', async () => {
    const newer = `${JSON.stringify({ formatVersion: 99, createdAt: 'x', tagColors: {}, savedViews: [], settings: {} })}\n`;
    await writeFile(join(dir, 'lectern.json'), newer);

    const error = await caught(openLibrary(dir));

    expect(error.code).toBe('library-unavailable');
    expect(error.message).toContain('newer Lectern');
    expect(error.message).toContain('format 99');
    expect(error.message).toContain(dir);
    expect(await readFile(join(dir, 'lectern.json'), 'utf8')).toBe(newer);
  });

  it('lands every one of many concurrent updates, in order, with no temp files left', async () => {
    const library = await openLibrary(dir, steppingClock());
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
    const text = await readFile(join(dir, 'articles', meta.id, 'article.json'), 'utf8');
    const stored = JSON.parse(text) as ArticleMeta;
    expect(stored).toEqual(last);
    expect(stored).toMatchObject({ title: `Busy ${count - 1}`, progress: 1, tags: expectedTags });
    expect((await walk(dir)).filter((file) => file.endsWith('.tmp'))).toEqual([]);

    const reopened = await openLibrary(dir);
    expect(await reopened.get(meta.id)).toEqual(last);
  });
});
