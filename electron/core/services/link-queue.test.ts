import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportApi, LecternEvent, LinkQueueStatus } from '../../shared/api';
import { LecternError } from '../../shared/errors';
import { EventHub } from '../events';
import { articlePage } from '../import/fixtures/web-server';
import { zipBytes } from '../import/fixtures/zip';
import { PAGE_FETCH } from '../import/pipeline/fetch-url';
import { Library, type NewArticle } from '../library/library';
import { SearchEngine } from '../search/search-engine';
import { importService } from './import';
import { LinkQueue, retryable } from './link-queue';

let dir: string;
let library: Library;
let hub: EventHub;
let service: ImportApi;
let server: Server;
let base: string;
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);
    if (path === '/gone') return response.writeHead(404).end();
    // Busy on the first ask, then fine: the queue must come back for it.
    if (path === '/busy' && count === 1) return response.writeHead(429).end();
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(articlePage(`Page ${path}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(async () => {
  hits.clear();
  dir = await mkdtemp(join(tmpdir(), 'lectern-link-queue-'));
  library = await Library.open(dir);
  hub = new EventHub();
  library.onChange((event) => hub.emit(event));
  service = importService(
    { library, events: hub, search: new SearchEngine(library) },
    {
      pageFetch: { ...PAGE_FETCH, timeoutMs: 1500 },
      linkQueue: { hostGapMs: 0, backoffMs: 20, attempts: 3 },
    },
  );
});
afterEach(async () => {
  await service.pauseLinkQueue(true);
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

function queueEmptied(): Promise<LinkQueueStatus> {
  return new Promise((resolve) => {
    const stop = hub.subscribe((event: LecternEvent) => {
      if (event.type === 'link-queue' && !event.status.running) {
        stop();
        resolve(event.status);
      }
    });
  });
}

const pocketZip = (rows: string[]) =>
  zipBytes([
    { name: 'part_000000.csv', content: `title,url,time_added,tags,status\n${rows.join('\n')}\n` },
    {
      name: 'annotations/part_000000.json',
      content: JSON.stringify([
        {
          url: `${base}/a`,
          title: 'A',
          highlights: [{ quote: 'a calf born on the car deck', created_at: 1600000100 }],
        },
      ]),
    },
  ]);

describe('the link queue', () => {
  it('fetches the links of an imported export, keeping tags, state, dates, provenance and highlights', async () => {
    const report = await service.importAppExport({
      file: {
        name: 'pocket.zip',
        type: 'application/zip',
        bytes: pocketZip([
          `A,${base}/a,1600000000,news|long read,archive`,
          `Busy,${base}/busy,1600000001,,unread`,
          `Gone,${base}/gone,1600000002,old,unread`,
        ]),
      },
    });
    expect(report).toMatchObject({ service: 'pocket', added: 3, pending: 3, highlightsOrphaned: 1 });
    const emptied = queueEmptied();
    expect((await service.linkQueueStatus()).total).toBe(3);
    const status = await emptied;
    expect(status).toMatchObject({ total: 3, done: 3, fetched: 2, failed: 1, running: false });
    expect(status.failures[0]).toMatchObject({ title: 'Gone', url: `${base}/gone` });
    expect(hits.get('/busy')).toBe(2);

    const byUrl = new Map(library.list().map((summary) => [summary.url, summary]));
    const a = await library.get(byUrl.get(`${base}/a`)!.id);
    expect(a.pending).toBeUndefined();
    expect(a).toMatchObject({ tags: ['news', 'long read'], status: 'archived' });
    expect(a.addedAt).toBe(new Date(1600000000 * 1000).toISOString());
    expect(a.source.importedFrom).toMatchObject({ service: 'pocket', file: 'pocket.zip' });
    expect(a.highlights[0]!.target.selector[1].end).toBeGreaterThan(0);

    const gone = await library.get(byUrl.get(`${base}/gone`)!.id);
    expect(gone).toMatchObject({ title: 'Gone', tags: ['old'] });
    expect(gone.pending?.reason).toMatch(/HTTP 404/);
    expect(gone.source.importedFrom?.gaveUpAt).toBeDefined();
  });

  it('adds nothing twice when the same export is imported again', async () => {
    const bytes = pocketZip([`A,${base}/a?utm_source=x,1600000000,news,unread`]);
    const progress: LecternEvent[] = [];
    hub.subscribe((event) => void (event.type === 'app-export-progress' && progress.push(event)));
    await service.importAppExport({ file: { name: 'pocket.zip', type: '', bytes } });
    expect(progress).toEqual([{ type: 'app-export-progress', file: 'pocket.zip', done: 1, total: 1 }]);
    const again = await service.importAppExport({
      file: { name: 'pocket.zip', type: '', bytes: pocketZip([`A,${base}/a,1600000000,more,unread`]) },
    });
    expect(again).toMatchObject({ added: 0, merged: 1 });
    expect(library.list()).toHaveLength(1);
    expect(library.list()[0]!.tags).toEqual(['news', 'more']);
  });

  it('waits while paused and goes on when resumed', async () => {
    await service.pauseLinkQueue(true);
    await service.importAppExport({
      file: { name: 'p.zip', type: '', bytes: pocketZip([`A,${base}/a,1600000000,,unread`]) },
    });
    // The window's retry of links saved offline leaves them to the queue.
    expect(await service.retryPendingLinks()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hits.size).toBe(0);
    const emptied = queueEmptied();
    expect((await service.pauseLinkQueue(false)).paused).toBe(false);
    expect(await emptied).toMatchObject({ fetched: 1 });
  });

  it('picks up where it was after a restart: the pending imported links are the queue', async () => {
    await service.pauseLinkQueue(true);
    await service.importAppExport({
      file: { name: 'p.zip', type: '', bytes: pocketZip([`A,${base}/a,1600000000,,unread`]) },
    });
    const restarted = importService(
      { library, events: hub, search: new SearchEngine(library) },
      { pageFetch: { ...PAGE_FETCH, timeoutMs: 1500 }, linkQueue: { hostGapMs: 0 } },
    );
    const emptied = queueEmptied();
    expect((await restarted.linkQueueStatus()).total).toBe(1);
    expect(await emptied).toMatchObject({ fetched: 1 });
    expect(library.list()[0]!.pending).toBeUndefined();
  });

  it('refuses a file that is no export, in words', async () => {
    await expect(
      service.importAppExport({
        file: { name: 'page.html', type: '', bytes: new TextEncoder().encode('<p>x</p>') },
      }),
    ).rejects.toThrow(/page\.html is not an export/);
  });

  it('tells an export from a page by its first bytes', async () => {
    const head = (text: string) => new TextEncoder().encode(text);
    expect(await service.detectAppExport(head('<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>'))).toBe(
      'netscape',
    );
    expect(await service.detectAppExport(head('<!doctype html><html><body><p>Hi</p>'))).toBeNull();
    expect(await service.detectAppExport(head('URL,Title,Selection,Folder,Timestamp\n'))).toBe('instapaper');
    expect(await service.detectAppExport(pocketZip([]).subarray(0, 100))).toBe('zip');
  });
});

/** A link brought in from an export and not fetched yet, as the queue finds it. */
function importedLink(url: string): NewArticle {
  return {
    fields: {
      title: url,
      byline: null,
      siteName: null,
      url,
      published: null,
      lang: null,
      excerpt: '',
      wordCount: 0,
    },
    html: '<p>x</p>',
    assets: [],
    source: {
      kind: 'link',
      name: url,
      sha256: url,
      importedFrom: { service: 'pocket', file: 'f', importedAt: new Date().toISOString() },
    },
    original: { bytes: new Uint8Array(), extension: 'url' },
    pending: { reason: 'waiting' },
  };
}

describe('LinkQueue', () => {
  it('fetches at most `perHost` pages of one host at once, and others beside them', async () => {
    const active = new Map<string, number>();
    let most = 0;
    const written: string[] = [];
    const ids: string[] = [];
    for (const url of [
      'https://one.example/1',
      'https://one.example/2',
      'https://one.example/3',
      'https://two.example/1',
    ]) {
      const saved = await library.add(importedLink(url));
      ids.push(saved.id);
    }
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const queue = new LinkQueue({
      library,
      perHost: 1,
      hostGapMs: 0,
      fetchPage: async (url) => {
        const host = new URL(url).host;
        active.set(host, (active.get(host) ?? 0) + 1);
        most = Math.max(most, active.get(host)!);
        await new Promise((resolve) => setTimeout(resolve, 10));
        active.set(host, active.get(host)! - 1);
        throw new LecternError('fetch-failed', `${url} was not found (HTTP 404). Check the link.`);
      },
      write: async (id) => void written.push(id),
      onStatus: (status) => (status.running ? undefined : done()),
    });
    queue.start();
    await finished;
    expect(most).toBe(1);
    expect(queue.status()).toMatchObject({ total: 4, failed: 4 });
    expect(written).toEqual([]);
  });

  it('keeps a failing link’s tries across a restart, so it is not retried from zero', async () => {
    const { id } = await library.add(importedLink('https://busy.example/1'));
    let asked = 0;
    const busy = async (url: string): Promise<never> => {
      asked++;
      throw new LecternError('fetch-failed', `${url} answered with an error (HTTP 503). Try again later.`);
    };
    const start = Date.now();
    const queue = (now: () => number, onStatus: (status: LinkQueueStatus) => void) =>
      new LinkQueue({
        library,
        attempts: 2,
        backoffMs: 60_000,
        hostGapMs: 0,
        now,
        fetchPage: busy,
        write: async () => undefined,
        onStatus,
      });

    let waiting!: () => void;
    const retried = new Promise<void>((resolve) => (waiting = resolve));
    const first = queue(
      () => start,
      () => (asked === 1 ? waiting() : undefined),
    );
    first.start();
    await retried;
    first.close();
    expect((await library.get(id)).source.importedFrom).toMatchObject({
      tries: 1,
      retryAt: new Date(start + 60_000).toISOString(),
    });

    // After the restart the backoff still holds, and once it is over the last try is the last.
    let settled!: (status: LinkQueueStatus) => void;
    const ended = new Promise<LinkQueueStatus>((resolve) => (settled = resolve));
    let clock = start + 1000;
    const second = queue(
      () => clock,
      (status) => (status.running ? undefined : settled(status)),
    );
    second.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toBe(1);
    second.close();
    clock = start + 61_000;
    const third = queue(
      () => clock,
      (status) => (status.running ? undefined : settled(status)),
    );
    third.start();
    expect(await ended).toMatchObject({ failed: 1 });
    expect(asked).toBe(2);
    expect((await library.get(id)).source.importedFrom?.gaveUpAt).toBeDefined();
  });

  it('retries only what may come back later', () => {
    expect(retryable(new LecternError('unreachable', 'x could not be reached.'))).toBe(true);
    expect(
      retryable(new LecternError('fetch-failed', 'x answered with an error (HTTP 503). Try again later.')),
    ).toBe(true);
    expect(
      retryable(new LecternError('fetch-failed', 'x answered with an error (HTTP 429). Try again later.')),
    ).toBe(true);
    expect(retryable(new LecternError('fetch-failed', 'x was not found (HTTP 404). Check the link.'))).toBe(
      false,
    );
  });
});
