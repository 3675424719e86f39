import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FileInput, ImportApi, ImportOutcome, LecternEvent } from '../../shared/api';
import { EventHub } from '../events';
import { pngBytes } from '../import/fixtures/images';
import { startTestSite, UNREACHABLE_URL, type TestSite } from '../import/fixtures/web-server';
import { PAGE_FETCH } from '../import/pipeline/fetch-url';
import { sanitizeHtml } from '../import/pipeline/sanitize';
import { Library } from '../library/library';
import { SearchEngine } from '../search/search-engine';
import { importService } from './import';

let dir: string;
let library: Library;
let events: LecternEvent[];
let service: ImportApi;
let site: TestSite;

beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site.close();
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-import-'));
  library = await Library.open(dir);
  const hub = new EventHub();
  events = [];
  hub.subscribe((event) => events.push(event));
  library.onChange((event) => hub.emit(event));
  service = importService(
    { library, events: hub, search: new SearchEngine(library) },
    // The test site is on 127.0.0.1: dropped pages and clips may fetch its images.
    { pageFetch: { ...PAGE_FETCH, timeoutMs: 1500 }, localImageHostsForTests: ['127.0.0.1'] },
  );
});
afterEach(async () => {
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

const page = (title: string, extra = '') =>
  `<!doctype html><html><head><title>${title}</title>${extra}</head><body><article><h1>${title}</h1><p>${'A quiet sentence about the sea and its keepers. '.repeat(8)}</p></article></body></html>`;
const file = (name: string, content: string | Uint8Array, path?: string): FileInput => ({
  name,
  type: '',
  bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
  ...(path ? { path } : {}),
});

async function articleFolders(): Promise<string[]> {
  return (await readdir(join(dir, 'articles'))).sort();
}

function errorOf(outcome: ImportOutcome | undefined): string {
  if (outcome?.status !== 'failed') throw new Error(`expected a failure, got ${outcome?.status}`);
  return outcome.error.message;
}

describe('duplicates', () => {
  it('does not import the same content twice, and names the existing article', async () => {
    const [first] = await service.importFiles([file('a.html', page('Tides'))]);
    const [second] = await service.importFiles([file('copy of a.html', page('Tides'))]);
    expect(first?.status).toBe('imported');
    expect(second).toMatchObject({ status: 'duplicate', input: 'copy of a.html' });
    if (first?.status === 'imported' && second?.status === 'duplicate')
      expect(second.article.id).toBe(first.article.id);
    expect(await articleFolders()).toHaveLength(1);
  });

  it('finds two copies in the same drop', async () => {
    const outcomes = await service.importFiles([
      file('a.html', page('Tides')),
      file('b.html', page('Tides')),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['duplicate', 'imported']);
  });

  it('treats pages with the same address, fragment and utm_* aside, as one', async () => {
    const canonical = (href: string) => `<link rel="canonical" href="${href}">`;
    await service.importFiles([
      file('a.html', page('Tides', canonical('https://example.com/tides?utm_source=x'))),
    ]);
    const [again] = await service.importFiles([
      file('b.html', page('Tides, revised', canonical('https://example.com/tides#top'))),
    ]);
    expect(again?.status).toBe('duplicate');
  });
});

describe('pages read with replacement characters', () => {
  it('says in the outcome that a page did not fit its declared charset, and nothing when it did', async () => {
    // 0xB3 followed by a space fits neither GB2312 nor UTF-8.
    const [head, tail] = page('Tides', '<meta charset="gb2312">').split('<p>');
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(`${head}<p>tide `),
      0xb3,
      ...new TextEncoder().encode(` tables ${tail}`),
    ]);
    const [bad, good] = await service.importFiles([file('tides.html', bytes), file('ok.html', page('Calm'))]);
    expect(bad).toMatchObject({
      status: 'imported',
      notices: [expect.stringMatching(/^tides\.html is not valid gb2312 text/)],
    });
    expect(good).toMatchObject({ status: 'imported' });
    expect(good).not.toHaveProperty('notices');
  });
});

describe('saved pages with their folder', () => {
  it('imports a page and its _files folder as one article with its images', async () => {
    const html = page('Keepers').replace('</h1>', '</h1><img src="Keepers_files/lamp.png" alt="Lamp">');
    const outcomes = await service.importFiles([
      file('Keepers.html', html, 'Trip/Keepers.html'),
      file('lamp.png', pngBytes(7), 'Trip/Keepers_files/lamp.png'),
    ]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.status).toBe('imported');
    const [id] = await articleFolders();
    const folder = join(dir, 'articles', id as string);
    expect((await readdir(join(folder, 'assets'))).length).toBe(1);
    expect((await readdir(folder)).sort()).toEqual([
      'article.json',
      'assets',
      'content.html',
      'original.html',
    ]);
  });
});

describe('web images of dropped pages and clips', () => {
  const lamp = () => `<img src="${site.url('/pic.png')}" alt="Lamp">`;

  /** The stored content of an imported article, and its assets. */
  async function stored(outcome: ImportOutcome | undefined) {
    if (outcome?.status !== 'imported') throw new Error(`expected an import, got ${outcome?.status}`);
    const folder = join(dir, 'articles', outcome.article.id);
    const assets = (await readdir(folder)).includes('assets') ? await readdir(join(folder, 'assets')) : [];
    return { html: await readFile(join(folder, 'content.html'), 'utf8'), assets };
  }

  it('stores an image a dropped page names by its web address', async () => {
    const html = page('Lamps').replace('</h1>', `</h1>${lamp()}`);
    const { html: content, assets } = await stored(
      (await service.importFiles([file('Lamps.html', html)]))[0],
    );
    expect(assets).toHaveLength(1);
    expect(content).toContain(`src="assets/${assets[0]}"`);
    expect(content).not.toContain('data-missing-image');
  });

  it('stores the web image of a clip', async () => {
    const outcome = await service.importText({
      text: 'Lamps',
      html: `<p>${'The lamp was lit at dusk and trimmed at midnight. '.repeat(4)}</p>${lamp()}`,
    });
    expect((await stored(outcome)).assets).toHaveLength(1);
  });

  it('leaves placeholders, and asks nothing of the web, when told not to fetch', async () => {
    const offline = importService(
      { library, events: new EventHub(), search: new SearchEngine(library) },
      { fetchWebImages: false },
    );
    const asked = site.requests.length;
    const html = page('Lanterns').replace('</h1>', `</h1>${lamp()}`);
    const { html: content, assets } = await stored((await offline.importFiles([file('L.html', html)]))[0]);
    expect(assets).toEqual([]);
    expect(content).toContain('aria-label="Image not saved: Lamp"');
    expect(site.requests.length).toBe(asked);
  });

  it('asks nothing of the web for a clip once fetching images is turned off in Settings', async () => {
    await library.file.updateLibraryOptions({ fetchImages: false });
    try {
      const asked = site.requests.length;
      const outcome = await service.importText({
        text: 'Wicks',
        html: `<p>${'The wick was trimmed before the lamp was lit at dusk. '.repeat(4)}</p>${lamp()}`,
      });
      expect((await stored(outcome)).assets).toEqual([]);
      expect(site.requests.length).toBe(asked);
    } finally {
      await library.file.updateLibraryOptions({ fetchImages: true });
    }
  });

  it('fetches later the images an import could not keep, and keeps the text as it was', async () => {
    const offline = importService(
      { library, events: new EventHub(), search: new SearchEngine(library) },
      { fetchWebImages: false },
    );
    const gone = `<img src="${site.url('/gone.png')}" alt="Gone">`;
    const html = page('Lanterns').replace('</h1>', `</h1>${lamp()}<p>Between.</p>${gone}`);
    const outcome = (await offline.importFiles([file('L.html', html)]))[0];
    const before = await stored(outcome);
    if (outcome?.status !== 'imported') return;
    const { id } = outcome.article;
    expect(before.assets).toEqual([]);
    expect(before.html).toContain(`data-missing-image="${site.url('/pic.png')}"`);

    events.length = 0;
    expect(await service.fetchMissingImages(id)).toEqual({ fetched: 1, missing: 1 });
    const after = await stored(outcome);
    expect(after.assets).toHaveLength(1);
    expect(after.html).toContain(`<img src="assets/${after.assets[0]}" alt="Lamp">`);
    expect(after.html).toContain(`data-missing-image="${site.url('/gone.png')}"`);
    expect(sanitizeHtml(after.html).text).toBe(sanitizeHtml(before.html).text);
    expect((await library.get(id)).leadImage).toBe(`assets/${after.assets[0]}`);
    expect(events).toEqual([
      { type: 'library-changed', changed: [expect.objectContaining({ id })], removed: [] },
    ]);

    // Nothing more to fetch: nothing is written, nothing is announced.
    const { updatedAt } = await library.get(id);
    events.length = 0;
    expect(await service.fetchMissingImages(id)).toEqual({ fetched: 0, missing: 1 });
    expect((await library.get(id)).updatedAt).toBe(updatedAt);
    expect(events).toEqual([]);
  });

  it('refuses an article that is not in the library', async () => {
    await expect(service.fetchMissingImages('0000000000-00000000')).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('links', () => {
  it('fetches a page, stores its image, and records its address', async () => {
    const [outcome] = await service.importUrls([site.url('/good?utm_medium=mail')]);
    expect(outcome?.status).toBe('imported');
    if (outcome?.status !== 'imported') return;
    expect(outcome.article.title).toBe('Ferry Letters');
    expect(outcome.article.url).toBe(site.url('/good?utm_medium=mail'));
    const assets = await readdir(join(dir, 'articles', outcome.article.id, 'assets'));
    expect(assets).toHaveLength(1);
    const [again] = await service.importUrls([site.url('/good#comments')]);
    expect(again?.status).toBe('duplicate');
  });

  it('follows a redirect, and reads PDFs and plain text', async () => {
    const outcomes = await service.importUrls([site.url('/moved'), site.url('/paper'), site.url('/notes')]);
    expect(outcomes.map((o) => (o.status === 'failed' ? o.error.message : o.article.title))).toEqual([
      'Ferry Letters',
      'Tide Report',
      'Plain Notes',
    ]);
  });

  it.each<[string, string, RegExp]>([
    ['HTTP 404', '/missing', /\/missing was not found \(HTTP 404\)\. Check the link\.$/],
    ['HTTP 500', '/broken', /\/broken answered with an error \(HTTP 500\)\. Try again later\.$/],
    ['a redirect loop', '/loop-a', /\/loop-a redirects in a loop, so there is no page to save\.$/],
    ['an image', '/image', /\/image serves an image \(image\/png\), not an article\./],
    ['a zip', '/archive', /\/archive serves a download \(application\/zip\), not an article\./],
  ])('refuses %s with a message and saves nothing', async (_label, path, message) => {
    const [outcome] = await service.importUrls([site.url(path)]);
    expect(errorOf(outcome)).toMatch(message);
    expect(await articleFolders()).toEqual([]);
  });

  it('keeps an unreachable link as a pending article, then fills it in on retry', async () => {
    const [outcome] = await service.importUrls([UNREACHABLE_URL]);
    expect(outcome?.status).toBe('pending');
    if (outcome?.status !== 'pending') return;
    const meta = await library.get(outcome.article.id);
    expect(meta.pending?.reason).toBe(
      `${UNREACHABLE_URL} could not be reached. Check the connection; the link is kept to retry.`,
    );
    expect(meta.url).toBe(UNREACHABLE_URL);
    expect(await library.content(meta.id)).toContain(UNREACHABLE_URL);

    // Still offline: the retry fails and the article stays pending.
    const stillOffline = await service.retryArticle(meta.id);
    expect(errorOf(stillOffline)).toMatch(/could not be reached/);
    expect((await library.get(meta.id)).pending).toBeDefined();

    // The link comes back (here: the article's address now points at the test site).
    await library.update(meta.id, (next) => {
      next.url = site.url('/other');
      next.tags = ['kept'];
    });
    const retried = await service.retryArticle(meta.id);
    expect(retried.status).toBe('imported');
    const filled = await library.get(meta.id);
    expect(filled.pending).toBeUndefined();
    expect(filled.title).toBe('Harbour Office');
    expect(filled.tags).toEqual(['kept']);
    expect(filled.addedAt).toBe(meta.addedAt);
    expect(await articleFolders()).toEqual([meta.id]);
  });

  it('retries every pending link at once, leaving the still unreachable ones untouched', async () => {
    const [first, second] = await service.importUrls([UNREACHABLE_URL, `${UNREACHABLE_URL}/second`]);
    if (first?.status !== 'pending' || second?.status !== 'pending') throw new Error('expected pending');
    await library.update(first.article.id, (next) => {
      next.url = site.url('/other');
    });
    const untouched = await library.get(second.article.id);
    events.length = 0;

    const [outcomes, shared] = await Promise.all([service.retryPendingLinks(), service.retryPendingLinks()]);
    expect(shared).toBe(outcomes);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['failed', 'imported']);
    expect((await library.get(first.article.id)).title).toBe('Harbour Office');
    // Failing again for the same reason rewrites nothing and tells no window.
    expect(await library.get(second.article.id)).toEqual(untouched);
    expect(events.map((event) => event.type === 'library-changed' && event.changed[0]?.id)).toEqual([
      first.article.id,
    ]);
  });

  it('gives up on a slow server after the time limit, keeping the link', async () => {
    const [outcome] = await service.importUrls([site.url('/slow')]);
    expect(outcome?.status).toBe('pending');
  });

  it('imports a .url link file by fetching its address', async () => {
    const [outcome] = await service.importFiles([
      file('ferry.url', `[InternetShortcut]\nURL=${site.url('/other')}\n`),
    ]);
    expect(outcome).toMatchObject({
      status: 'imported',
      input: 'ferry.url',
      article: { title: 'Harbour Office' },
    });
  });
});

describe('local addresses', () => {
  /** The test site under a name that resolves to it: another host, also on a local address. */
  const named = (path: string) => site.url(path).replace('127.0.0.1', 'localhost');
  const escaped = (url: string) => encodeURIComponent(url);

  it('does not fetch a dropped page’s image from a local address', async () => {
    const guarded = importService({ library, events: new EventHub(), search: new SearchEngine(library) });
    const asked = site.requests.length;
    const html = page('Routers').replace('</h1>', `</h1><img src="${site.url('/pic.png')}" alt="Lamp">`);
    const [outcome] = await guarded.importFiles([file('Routers.html', html)]);
    expect(outcome?.status).toBe('imported');
    expect(site.requests.length).toBe(asked);
    expect(
      await guarded.importText({ text: 'Clip', html: `<p>Clip.</p><img src="${named('/pic.png')}">` }),
    ).toMatchObject({ status: 'imported' });
    expect(site.requests.length).toBe(asked);
  });

  it('fetches a local page’s images from its own host only', async () => {
    const asked = site.requests.length;
    const [outcome] = await service.importUrls([site.url(`/showing?src=${escaped(named('/pic.png'))}`)]);
    expect(outcome?.status).toBe('imported');
    // The page was asked for; its image, on a name resolving to a loopback address, was not.
    expect(site.requests.slice(asked)).toEqual([`/showing?src=${escaped(named('/pic.png'))}`]);
    if (outcome?.status !== 'imported') return;
    expect(await library.content(outcome.article.id)).toContain(`data-missing-image="${named('/pic.png')}"`);
  });

  it('refuses a redirect from the link given to another local host, with words', async () => {
    const [outcome] = await service.importUrls([site.url(`/redirect?to=${escaped(named('/good'))}`)]);
    expect(errorOf(outcome)).toMatch(
      /leads to localhost, on a local address \(.+\)\. Lectern reaches local addresses only for a link you give\.$/,
    );
    expect(await articleFolders()).toEqual([]);
  });
});

describe('bulk imports', () => {
  it('imports 500 files with progress events, a few at a time', async () => {
    const files = Array.from({ length: 500 }, (_, i) =>
      file(`note-${i}.txt`, `Note ${i}\n\nThe body of note number ${i}.`),
    );
    const outcomes = await service.importFiles(files, { jobId: 'bulk', total: 500 });
    expect(outcomes.filter((o) => o.status === 'imported')).toHaveLength(500);
    const progress = events.filter((event) => event.type === 'import-progress');
    expect(progress).toHaveLength(500);
    expect(progress.every((event) => event.total === 500)).toBe(true);
    expect(await articleFolders()).toHaveLength(500);
    expect(library.list()).toHaveLength(500);
  });

  it("says which file a job is reading before the first is done, so the window's progress moves from the first file", async () => {
    const files = [
      file('first.txt', 'First\n\nThe first note.'),
      file('second.txt', 'Second\n\nThe second.'),
    ];
    await service.importFiles(files, { jobId: 'reading', total: 2 });
    const job = events.filter((event) => 'jobId' in event && event.jobId === 'reading');
    expect(job[0]).toEqual({ type: 'import-reading', jobId: 'reading', input: 'first.txt' });
    const reading = job.filter((event) => event.type === 'import-reading').map((event) => event.input);
    expect(reading.sort()).toEqual(['first.txt', 'second.txt']);
    const firstDone = job.findIndex((event) => event.type === 'import-progress');
    expect(job.findIndex((event) => event.type === 'import-reading')).toBeLessThan(firstDone);
  });

  it('stops a cancelled job: files not yet started fail as cancelled, nothing is half-written', async () => {
    const files = Array.from({ length: 60 }, (_, i) => file(`n-${i}.txt`, `Note ${i}\n\nBody ${i}.`));
    const running = service.importFiles(files, { jobId: 'stop-me' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await service.cancelImport('stop-me');
    const outcomes = await running;
    const cancelled = outcomes.filter((o) => o.status === 'failed' && o.error.code === 'cancelled');
    const imported = outcomes.filter((o) => o.status === 'imported');
    expect(cancelled.length).toBeGreaterThan(0);
    expect(imported.length + cancelled.length).toBe(60);
    expect(await articleFolders()).toHaveLength(imported.length);
  });

  it('forgets a finished job, so its id cancels nothing later', async () => {
    await service.importFiles([file('first.txt', 'First\n\nBody.')], { jobId: 'done' });
    await service.cancelImport('done');
    const [outcome] = await service.importFiles([file('second.txt', 'Second\n\nBody.')], { jobId: 'done' });
    expect(outcome?.status).toBe('imported');
  });
});

describe('bad input leaves no folder behind', () => {
  it.each<[string, FileInput]>([
    ['an empty file', file('empty.txt', '')],
    ['binary named .html', file('x.html', Uint8Array.from([0, 1, 2, 3]))],
    ['invalid UTF-8', file('x.txt', Uint8Array.from([0xc3, 0x28]))],
  ])('%s', async (_label, input) => {
    const [outcome] = await service.importFiles([input]);
    expect(outcome?.status).toBe('failed');
    expect((await readdir(join(dir, 'articles'))).filter((name) => !name.startsWith('.'))).toEqual([]);
    expect(await readdir(join(dir, 'articles'))).toEqual([]);
  });
});
