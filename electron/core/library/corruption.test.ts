/**
 * The corruption table: each file of the library truncated, garbled,
 * emptied, made wrong but valid JSON, deleted, or replaced by a link to a
 * file outside the library; for each, what Lectern then reports and that
 * nothing else is lost. Every case damages a library of three articles (the
 * first with a highlight, a note, a tag and a last good copy), reopens it
 * and looks at all three.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../fixtures/temp-folder';
import type { Highlight } from '../../shared/annotation';
import type { Library } from './library';
import { caught, newArticle, readJson, steppingClock, useLibraryFolder } from './fixtures/library-folder';

const temp = useLibraryFolder();
const outside = useTempFolder('lectern-outside-');

function highlight(id: string, exact: string): Highlight {
  return {
    id,
    color: 'yellow',
    note: `${exact} note`,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    target: {
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: ' body' },
        { type: 'TextPositionSelector', start: 0, end: exact.length },
      ],
    },
  };
}

interface Shelf {
  first: string;
  second: string;
  third: string;
}

/** Three articles; the first changed three times, so its last good copy holds the highlight and the note. */
async function shelf(): Promise<Shelf> {
  const library = await temp.open(temp.dir, steppingClock());
  const first = await library.add({ ...newArticle('First'), html: '<h1>First</h1><p>First body</p>' });
  const second = await library.add(newArticle('Second'));
  const third = await library.add(newArticle('Third'));
  for (const [id, word] of [
    [first.id, 'First'],
    [second.id, 'Second'],
  ] as const) {
    await library.update(
      id,
      (meta) => void meta.highlights.push(highlight(`${word.toLowerCase()}-mark-1`, word)),
    );
    await library.update(id, (meta) => void (meta.note = `${word} article note`));
  }
  await library.update(first.id, (meta) => void (meta.tags = ['kept']));
  await library.close();
  return { first: first.id, second: second.id, third: third.id };
}

async function reopen(): Promise<Library> {
  const library = await temp.open(temp.dir);
  await library.verify();
  return library;
}

/** What no damage to the first article's files may cost: the other two, whole. */
async function othersIntact(library: Library, { second, third }: Shelf): Promise<void> {
  const other = await library.get(second);
  expect(other.highlights.map((h) => h.id)).toEqual(['second-mark-1']);
  expect(other.note).toBe('Second article note');
  expect((await library.get(third)).title).toBe('Third');
  expect(library.list()).toHaveLength(3);
  const annotated = await library.highlights.annotated();
  expect(annotated.find((a) => a.summary.id === second)?.highlights).toHaveLength(1);
}

const recordOf = (id: string) => join(temp.dir, 'articles', id, 'article.json');
const catalogPath = () => join(temp.dir, '.cache', 'catalog.json');
const libraryFile = () => join(temp.dir, 'lectern.json');

async function linkOutside(path: string, text: string): Promise<void> {
  const target = join(outside.dir, 'planted.json');
  await writeFile(target, text);
  await rm(path, { force: true });
  await symlink(target, path);
}

/** The catalog with `change` applied to its entries and its checksum made right again, as a careful forger would. */
async function forgedCatalog(
  change: (entries: { summary: Record<string, unknown> }[]) => void,
): Promise<string> {
  const file = (await readJson(catalogPath())) as { entries: { summary: Record<string, unknown> }[] };
  change(file.entries);
  const sha256 = createHash('sha256').update(JSON.stringify(file.entries)).digest('hex');
  return JSON.stringify({ ...file, sha256 });
}

type Damage = (ids: Shelf) => Promise<void>;

const truncate = (path: () => string) => async () => {
  const text = await readFile(path(), 'utf8');
  await writeFile(path(), text.slice(0, Math.floor(text.length / 2)));
};
const garble = (path: () => string) => async () => {
  const text = await readFile(path(), 'utf8');
  await writeFile(path(), `${text.slice(0, 20)}\u0000#%&${'\uFFFD'.repeat(40)}${text.slice(60)}`);
};
const empty = (path: () => string) => () => writeFile(path(), '');
const remove = (path: () => string) => () => rm(path());

describe('a damaged article.json', () => {
  const cases: [string, Damage][] = [
    ['truncated', ({ first }) => truncate(() => recordOf(first))()],
    ['garbled', ({ first }) => garble(() => recordOf(first))()],
    ['emptied', ({ first }) => empty(() => recordOf(first))()],
    ['deleted', ({ first }) => remove(() => recordOf(first))()],
    [
      'replaced by a link to a file outside',
      async ({ first }) => {
        const record = (await readJson(recordOf(first))) as Record<string, unknown>;
        await linkOutside(recordOf(first), JSON.stringify({ ...record, title: 'Planted' }));
      },
    ],
  ];

  it.each(cases)('%s: is listed as damaged, recovered from its last good copy', async (_label, damage) => {
    const ids = await shelf();
    await damage(ids);

    const library = await reopen();

    expect(library.damaged().map((a) => a.id)).toEqual([ids.first]);
    const meta = await library.get(ids.first);
    expect(meta.title).toBe('First');
    expect(meta.highlights.map((h) => h.id)).toEqual(['first-mark-1']);
    expect(meta.note).toBe('First article note');
    // The copy is one change behind; the catalog's summary brings the last one back.
    expect(meta.tags).toEqual(['kept']);
    expect(meta.damage?.recoveredFrom).toBe('backup');
    expect(library.problems.some((p) => p.path === recordOf(ids.first))).toBe(true);
    await othersIntact(library, ids);
  });

  it('wrong but valid (no source, a highlight without a target): keeps the rest, sets the highlight aside', async () => {
    const ids = await shelf();
    const record = (await readJson(recordOf(ids.first))) as Record<string, unknown> & {
      highlights: object[];
    };
    const { source: _source, ...rest } = record;
    const bad = { ...highlight('first-mark-2', 'body'), target: undefined };
    await writeFile(recordOf(ids.first), JSON.stringify({ ...rest, highlights: [...rest.highlights, bad] }));

    const library = await reopen();

    const meta = await library.get(ids.first);
    expect(meta.damage).toMatchObject({ recoveredFrom: 'record', lost: [] });
    expect(meta.source.kind).toBe('html');
    expect(meta.highlights.map((h) => h.id)).toEqual(['first-mark-1']);
    expect(meta.note).toBe('First article note');
    const folder = join(temp.dir, 'articles', ids.first);
    const aside = meta.damage?.setAside.find((name) => name.startsWith('highlights.damaged-')) ?? 'none';
    expect(await readJson(join(folder, aside))).toEqual([JSON.parse(JSON.stringify(bad))]);
    // A later import still works: the duplicate check reads every summary's source.
    expect(library.findDuplicate('cd'.repeat(32), null)).toBeNull();
    await othersIntact(library, ids);
  });

  it('deleted with its last good copy and the catalog: keeps the content, titled from it', async () => {
    const ids = await shelf();
    await rm(recordOf(ids.first));
    await rm(`${recordOf(ids.first)}.bak`);
    await rm(join(temp.dir, '.cache'), { recursive: true });

    const library = await reopen();

    const meta = await library.get(ids.first);
    expect(meta.title).toBe('First');
    expect(meta.damage?.recoveredFrom).toBe('content');
    expect(meta.damage?.lost).toContain('title');
    expect(await library.content(ids.first)).toContain('First body');
    await othersIntact(library, ids);
  });

  it('is accepted once, after which it is no longer listed as damaged and stays so', async () => {
    const ids = await shelf();
    await empty(() => recordOf(ids.first))();
    const library = await reopen();

    const accepted = await library.acceptRecovered(ids.first);
    await library.close();

    expect(accepted.damage).toBeUndefined();
    expect((await reopen()).damaged()).toEqual([]);
  });
});

describe('a damaged catalog cache', () => {
  const cases: [string, Damage][] = [
    ['truncated', truncate(catalogPath)],
    ['garbled', garble(catalogPath)],
    ['emptied', empty(catalogPath)],
    ['deleted', remove(catalogPath)],
    [
      'wrong but valid (a status flipped by hand)',
      async () => {
        const file = await readFile(catalogPath(), 'utf8');
        await writeFile(catalogPath(), file.replaceAll('"status":"inbox"', '"status":"archived"'));
      },
    ],
    [
      'wrong but valid with its checksum redone (an entry without a source)',
      async ({ first }) => {
        const forged = await forgedCatalog((entries) => {
          for (const entry of entries) if (entry.summary.id === first) delete entry.summary.source;
        });
        await writeFile(catalogPath(), forged);
      },
    ],
    [
      'replaced by a link to a file outside',
      async () => {
        const forged = await forgedCatalog((entries) => {
          for (const entry of entries) entry.summary.status = 'archived';
        });
        await linkOutside(catalogPath(), forged);
      },
    ],
  ];

  it.each(cases)('%s: is rebuilt from the articles, none damaged', async (_label, damage) => {
    const ids = await shelf();
    await damage(ids);

    const library = await reopen();

    expect(library.damaged()).toEqual([]);
    expect(library.list().map((a) => a.status)).toEqual(['inbox', 'inbox', 'inbox']);
    expect(library.summary(ids.first).source.kind).toBe('html');
    expect(library.summary(ids.first).tags).toEqual(['kept']);
    await othersIntact(library, ids);
  });
});

describe('a damaged lectern.json', () => {
  async function withSettings(): Promise<Shelf> {
    const ids = await shelf();
    const library = await temp.open(temp.dir);
    await library.file.changeTagColors((colors) => void (colors.kept = 'green'));
    await library.file.saveView('Long', 'words:>3000');
    await library.close();
    return ids;
  }

  const cases: [string, Damage, boolean][] = [
    ['truncated', truncate(libraryFile), false],
    ['garbled', garble(libraryFile), false],
    ['emptied', empty(libraryFile), false],
    ['deleted', remove(libraryFile), false],
    [
      'replaced by a link to a file outside',
      () => linkOutside(libraryFile(), JSON.stringify({ formatVersion: 1, tagColors: { planted: 'red' } })),
      false,
    ],
    [
      'wrong but valid (format version 0, a bad view)',
      async () => {
        const file = (await readJson(libraryFile())) as { savedViews: unknown[] };
        await writeFile(
          libraryFile(),
          JSON.stringify({ ...file, formatVersion: 0, savedViews: [...file.savedViews, 5] }),
        );
      },
      true,
    ],
  ];

  it.each(cases)('%s: the articles are untouched; what is right is kept', async (_label, damage, keeps) => {
    const ids = await withSettings();
    await damage(ids);

    const library = await reopen();

    expect(library.file.tagColors()).toEqual(keeps ? { kept: 'green' } : {});
    expect(library.file.savedViews()).toEqual(keeps ? [{ name: 'Long', query: 'words:>3000' }] : []);
    expect(library.file.tagColors()).not.toHaveProperty('planted');
    expect((await readJson(libraryFile())) as object).toMatchObject({ formatVersion: 1 });
    expect(library.damaged()).toEqual([]);
    await othersIntact(library, ids);
    expect((await library.get(ids.first)).note).toBe('First article note');
  });
});

describe('other files of an article', () => {
  it('content.html replaced by a link to a file outside is refused, not shown', async () => {
    const ids = await shelf();
    await linkOutside(join(temp.dir, 'articles', ids.first, 'content.html'), 'secret outside');

    const library = await reopen();

    expect((await caught(library.content(ids.first))).code).toBe('library-corrupt');
    await othersIntact(library, ids);
  });

  it('a highlight cache entry without a target is read again from article.json', async () => {
    await shelf();
    const library = await reopen();
    await library.highlights.annotated();
    await library.close();
    const cachePath = join(temp.dir, '.cache', 'highlights.json');
    const cache = (await readJson(cachePath)) as { entries: Record<string, { highlights: object[] }> };
    for (const entry of Object.values(cache.entries)) entry.highlights = [{ id: 'no-target-1' }];
    await writeFile(cachePath, JSON.stringify(cache));

    const again = await reopen();

    const annotated = await again.highlights.annotated();
    expect(annotated.flatMap((a) => a.highlights.map((h) => h.id)).sort()).toEqual([
      'first-mark-1',
      'second-mark-1',
    ]);
  });

  it('stray temporary files left by killed writes are removed at open', async () => {
    const ids = await shelf();
    const strays = [
      join(temp.dir, '.lectern.json.0123abcd.tmp'),
      join(temp.dir, '.cache', '.catalog.json.89abcdef.tmp'),
      join(temp.dir, 'articles', ids.first, '.article.json.deadbeef.tmp'),
    ];
    for (const stray of strays) await writeFile(stray, 'half a write');
    await new Promise((resolve) => setTimeout(resolve, 20));

    await reopen();

    const left = await readdir(temp.dir, { recursive: true });
    expect(left.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
