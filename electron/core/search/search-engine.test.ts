import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../shared/article';
import { useTempFolder } from '../fixtures/temp-folder';
import { newArticle } from '../library/fixtures/library-folder';
import { Library } from '../library/library';
import { openBackend, type Backend } from '../open-backend';
import { SearchEngine } from './search-engine';

const temp = useTempFolder('lectern-search-');
let backends: Backend[] = [];

afterEach(async () => {
  await Promise.all(backends.map((backend) => backend.close()));
  backends = [];
});

async function open(): Promise<Backend> {
  const backend = await openBackend(temp.dir);
  backends.push(backend);
  await backend.background;
  return backend;
}

async function add(backend: Backend, title: string, body: string, fields: Partial<ArticleMeta> = {}) {
  const outcome = await backend.service.importText({ text: `${title}\n\n${body}` });
  if (outcome.status !== 'imported') throw new Error(`import ended ${outcome.status}`);
  await backend.library.update(outcome.article.id, (meta) => {
    Object.assign(meta, fields);
  });
  backend.search.notify([outcome.article.id]);
  return outcome.article.id;
}

const highlight = (exact: string, note = '') => ({
  id: `h-${exact.length}`,
  color: 'yellow' as const,
  note,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  target: {
    selector: [
      { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
      { type: 'TextPositionSelector' as const, start: 0, end: exact.length },
    ] as [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ],
  },
});

/** A small library covering every field an operator can look at. */
async function fixture(backend: Backend) {
  const ids = {
    lighthouse: await add(
      backend,
      'The Logbooks of the Skerry Light',
      'Keepers wrote of fog and the old light.',
      {
        byline: 'Mairi Sutherland',
        siteName: 'Coastal Review',
        url: 'https://coastal.example.com/skerry',
        lang: 'en-GB',
        published: '2023-11-02T00:00:00.000Z',
        addedAt: '2024-02-01T10:00:00.000Z',
        wordCount: 1800,
        tags: ['history/maritime', 'long reads'],
        highlights: [highlight('the old light', 'a lovely phrase')],
      },
    ),
    garden: await add(backend, 'Notes on a Winter Garden', 'Seed heads left standing for the birds.', {
      byline: 'Tom Hale',
      lang: 'en',
      published: '2024-05-20T00:00:00.000Z',
      addedAt: '2024-05-21T10:00:00.000Z',
      wordCount: 400,
      tags: ['history'],
      status: 'archived',
      favorite: true,
      progress: 1,
      note: 'Plant teasels next autumn.',
    }),
    café: await add(backend, 'Café culture', 'Un petit café au lait, s’il vous plaît.', {
      lang: 'fr',
      addedAt: '2024-07-01T10:00:00.000Z',
      wordCount: 1200,
      progress: 0.4,
    }),
  };
  await backend.search.settled();
  return ids;
}

describe('the search engine', () => {
  it('answers every operator of the query language', async () => {
    const backend = await open();
    const { lighthouse, garden, café } = await fixture(backend);
    const find = async (query: string) => (await backend.search.search(query)).ids;
    const cases: [string, string[]][] = [
      ['', [café, garden, lighthouse]],
      ['light', [lighthouse]],
      ['ligh', [lighthouse]],
      ['light ', [lighthouse]],
      ['birds seed', [garden]],
      ['cafe', [café]],
      ['"old light"', [lighthouse]],
      ['"light old"', []],
      ['-fog', [café, garden]],
      ['-"old light"', [café, garden]],
      ['lovely', [lighthouse]],
      ['teasels', [garden]],
      ['maritime', [lighthouse]],
      ['sutherland', [lighthouse]],
      ['tag:history', [garden, lighthouse]],
      ['tag:History/Maritime', [lighthouse]],
      ['tag:"long reads"', [lighthouse]],
      ['-tag:history', [café]],
      ['no:tag', [café]],
      ['is:inbox', [café, lighthouse]],
      ['is:archived', [garden]],
      ['is:favorite', [garden]],
      ['is:read', [garden]],
      ['is:unread', [café, lighthouse]],
      ['has:highlights', [lighthouse]],
      ['has:note', [garden]],
      ['site:coastal', [lighthouse]],
      ['author:hale', [garden]],
      ['lang:en', [garden, lighthouse]],
      ['added:2024-05-01..', [café, garden]],
      ['added:..2024-03-01', [lighthouse]],
      ['added:2024-05-01..2024-06-30', [garden]],
      ['published:2023', [lighthouse]],
      ['words:>1000', [café, lighthouse]],
      ['words:<=400', [garden]],
      ['sort:title', [café, garden, lighthouse]],
      ['sort:words', [lighthouse, café, garden]],
      ['sort:added-asc', [lighthouse, garden, café]],
      ['sort:published', [garden, lighthouse, café]],
      ['sort:progress', [garden, café, lighthouse]],
      ['tag:history is:unread light', [lighthouse]],
    ];
    for (const [query, expected] of cases) expect([query, await find(query)]).toEqual([query, expected]);
  });

  it('gives the same answers from the index as from a full scan', async () => {
    const backend = await open();
    await fixture(backend);
    const { parseQuery } = await import('../../shared/search/query');
    for (const query of ['light', 'the', 'th', '"old light"', '-fog the', 'tag:history winter', 'caf', 'x']) {
      const indexed = await backend.search.run(parseQuery(query));
      const scanned = await backend.search.run(parseQuery(query), query, true);
      expect(indexed.indexed).toBe(true);
      expect(scanned.indexed).toBe(false);
      expect(scanned.ids).toEqual(indexed.ids);
    }
  });

  it('rebuilds a large library on worker threads into the index that answers as a full scan does', async () => {
    const first = await open();
    await first.close();
    backends = [];
    // Written by the library alone, so the next start has 300 articles to index.
    const library = await Library.open(temp.dir);
    const words = ['tern', 'skua', 'fulmar', 'gannet', 'shag', 'eider', 'puffin'];
    for (let i = 0; i < 300; i++) {
      const article = newArticle(`Seabird ${i}`);
      article.html = `<p>${words.filter((_, w) => i % (w + 2) === 0).join(' ')} seen at cliff ${i % 13}</p>`;
      await library.add(article);
    }
    await library.close();

    const second = await open();
    await second.search.settled();
    const { parseQuery } = await import('../../shared/search/query');
    for (const query of ['tern', 'skua -fulmar', '"gannet shag"', 'puf', 'cliff 7', '"at cliff 12"', 'x']) {
      const indexed = await second.search.run(parseQuery(query));
      const scanned = await second.search.run(parseQuery(query), query, true);
      expect(indexed).toMatchObject({ indexed: true, complete: true, indexing: 0 });
      expect([query, indexed.ids.sort()]).toEqual([query, scanned.ids.sort()]);
    }
    expect((await second.search.search('tern')).ids).toHaveLength(150);
  });

  it('reports what a malformed query ignored and searches its words', async () => {
    const backend = await open();
    await fixture(backend);
    const result = await backend.search.search('is:lighthouse');
    expect(result.ignored).toHaveLength(1);
    expect(result.ids).toEqual([]);
  });

  it('follows edits, trash, restore and deletion as they happen', async () => {
    const backend = await open();
    const { garden } = await fixture(backend);
    await backend.service.tagArticles([garden], ['botany']);
    await backend.search.settled();
    expect((await backend.search.search('botany')).ids).toEqual([garden]);

    await backend.service.trashArticles([garden]);
    await backend.search.settled();
    expect((await backend.search.search('teasels')).ids).toEqual([]);
    expect((await backend.search.search('teasels is:trashed')).ids).toEqual([garden]);

    await backend.service.restoreArticles([garden]);
    await backend.search.settled();
    expect((await backend.search.search('teasels')).ids).toEqual([garden]);

    await backend.service.trashArticles([garden]);
    await backend.service.emptyTrash();
    await backend.search.settled();
    expect((await backend.search.search('teasels is:trashed')).ids).toEqual([]);
  });

  it('persists the index, and reopens without rebuilding it', async () => {
    const first = await open();
    const { café } = await fixture(first);
    await first.close();
    backends = [];

    const second = await openBackend(temp.dir);
    backends.push(second);
    expect(second.search.state).toBe('loading');
    await second.search.start();
    expect(second.search.state).toBe('ready');
    expect((await second.search.search('lait')).ids).toEqual([café]);
  });

  it.each([
    ['missing', async () => rm(join(temp.dir, '.cache', 'search-index.bin'))],
    ['damaged', async () => writeFile(join(temp.dir, '.cache', 'search-index.bin'), 'not an index')],
    ['gone with the whole cache', async () => rm(join(temp.dir, '.cache'), { recursive: true })],
  ])('rebuilds an index that is %s, answering from a scan meanwhile', async (_label, damage) => {
    const first = await open();
    const { café } = await fixture(first);
    await first.close();
    backends = [];
    await damage();

    const second = await openBackend(temp.dir);
    backends.push(second);
    const started = second.search.start();
    const during = await second.search.search('lait');
    expect(during).toMatchObject({ ids: [café], indexed: false });
    await started;
    await second.search.ready;
    expect(await second.search.search('lait')).toMatchObject({ ids: [café], indexed: true });
  });

  it('finds a note and a highlight note as soon as they are saved', async () => {
    const backend = await open();
    const { garden } = await fixture(backend);
    await backend.search.settled();
    await backend.service.setArticleNote(garden, {
      text: 'compost heap',
      base: 'Plant teasels next autumn.',
    });
    const { target } = highlight('Seed heads');
    await backend.service.addHighlight(garden, { color: 'yellow', note: 'goldfinches', target });
    expect(await backend.search.search('compost')).toMatchObject({ ids: [garden], complete: true });
    expect(await backend.search.search('goldfinches')).toMatchObject({ ids: [garden], complete: true });
  });

  it('finds an article written while it was closed in the first search after reopening', async () => {
    const first = await open();
    await fixture(first);
    await first.close();
    backends = [];
    // Another writer that keeps no index: the library alone.
    const library = await Library.open(temp.dir);
    const { id } = await library.add(newArticle('Orkney Puffins'));
    await library.close();

    const second = await openBackend(temp.dir);
    backends.push(second);
    expect(await second.search.search('puffins')).toMatchObject({ ids: [id], complete: true });
  });

  it('leaves the index current when it closes right after a change', async () => {
    const first = await open();
    const { garden } = await fixture(first);
    await first.service.setArticleNote(garden, { text: 'compost heap', base: 'Plant teasels next autumn.' });
    await first.close();
    backends = [];

    const second = await openBackend(temp.dir);
    backends.push(second);
    await second.search.start();
    expect(await second.search.search('compost')).toMatchObject({ ids: [garden], indexing: 0 });
  });

  it('says it is not complete while many articles wait, matching them on their summaries', async () => {
    const first = await open();
    await first.close();
    backends = [];
    const library = await Library.open(temp.dir);
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) {
      const title = i === 7 ? 'Storm Petrels' : `Article ${i}`;
      const article = newArticle(title);
      if (i === 8) article.html = '<p>Petrels in the body</p>';
      ids.push((await library.add(article)).id);
    }
    await library.close();

    const second = await openBackend(temp.dir);
    backends.push(second);
    await second.search.start();
    const during = await second.search.search('petrels');
    // The title matches at once; the body only once indexed (it may already be, mid-way).
    expect(during).toMatchObject({ complete: false });
    expect(during.ids).toContain(ids[7]);
    expect(during.indexing).toBeGreaterThan(0);
    await second.search.settled();
    expect(await second.search.search('petrels')).toMatchObject({ complete: true, indexing: 0 });
    expect((await second.search.search('petrels')).ids.sort()).toEqual([ids[7], ids[8]].sort());
  });

  it('answers from what the catalog says now for an article changed without a word to the engine', async () => {
    // No feed: the engine hears of no change, as while a burst is held back (search-feed.ts).
    const library = await Library.open(temp.dir);
    const older = (await library.add(newArticle('Alpha'))).id;
    const newer = (await library.add(newArticle('Beta'))).id;
    await writeFile(join(temp.dir, 'articles', older, 'content.html'), '<p>Gannets dive</p>');
    await writeFile(join(temp.dir, 'articles', newer, 'content.html'), '<p>Gannets nest</p>');
    const engine = new SearchEngine(library);
    try {
      await engine.start();
      engine.notify([older, newer]);
      await engine.settled();
      expect(await engine.search('gannets')).toMatchObject({ ids: [newer, older], indexing: 0 });
      expect((await engine.search('site:seabird')).ids).toEqual([]);

      await writeFile(join(temp.dir, 'articles', older, 'content.html'), '<p>Gannets and puffins</p>');
      await library.update(older, (meta) => {
        meta.title = 'Gannets at Sea';
        meta.siteName = 'Seabird Notes';
      });
      // Not indexed as it is now: read whole, ranked and filtered by its new title and site.
      expect(await engine.search('puffins')).toMatchObject({ ids: [older], indexing: 1, complete: true });
      expect((await engine.search('gannets')).ids).toEqual([older, newer]);
      expect((await engine.search('site:seabird')).ids).toEqual([older]);
      expect((await engine.search('author:writer')).ids).toEqual([newer, older]);
    } finally {
      await engine.close();
      await library.close();
    }
  });

  it('makes snippets around the matched words, marked', async () => {
    const backend = await open();
    const { lighthouse, garden } = await fixture(backend);
    const snippets = await backend.search.snippets('birds', [garden, lighthouse]);
    expect(Object.keys(snippets)).toEqual([garden]);
    expect(snippets[garden]?.filter((part) => part.mark).map((part) => part.text)).toEqual(['birds']);
    const fromHighlight = await backend.search.snippets('lovely', [lighthouse]);
    expect(fromHighlight[lighthouse]?.map((p) => p.text).join('')).toContain('a lovely phrase');
  });

  it('ranks articles holding a typed word whole above those only holding longer words, and marks it whole', async () => {
    const backend = await open();
    const walk = await add(
      backend,
      'Morning walk',
      'We walked from Seattle down to the sea before breakfast.',
    );
    const city = await add(backend, 'City notes', 'Seattle searches the sky for rain every morning.');
    await backend.search.settled();
    // "sea" is still being typed, so it matches as the start of a word too; the whole word ranks first.
    expect((await backend.search.search('sea')).ids).toEqual([walk, city]);
    expect((await backend.search.search('morning sea')).ids).toEqual([walk, city]);
    const marked = async (id: string) =>
      (await backend.search.snippets('sea', [id]))[id]?.filter((part) => part.mark).map((part) => part.text);
    expect(await marked(walk)).toEqual(['sea']);
    expect(await marked(city)).toEqual(['Seattle', 'searches']);
  });
});
