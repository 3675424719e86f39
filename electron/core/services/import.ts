/**
 * ImportApi: runs the import pipeline and files the result in the library.
 * Files are prepared a few at a time (IMPORT_CONCURRENCY), on worker threads
 * (import/prepare-pool.ts), which also fetch their web images; links, which
 * wait on the network, are prepared on this thread. The duplicate check
 * and the write happen one at a time, so two copies of one file in the same
 * drop still make one article. Links that cannot be reached are kept as
 * pending articles holding their address, to be retried.
 */
import type {
  AppExportSource,
  FileInput,
  ImportApi,
  ImportJob,
  ImportOutcome,
  LinkQueueStatus,
  TextInput,
} from '../../shared/api';
import { summarize, type ArticleSummary } from '../../shared/article';
import { errorMessage, LecternError, serializeError } from '../../shared/errors';
import { groupSavedPages, type ImportUnit } from '../../shared/import-units';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { SerialQueue, throttle } from '../../shared/async';
import { mapBounded } from '../import/pipeline/bounded';
import { fetchUrl, IMAGE_FETCH, PAGE_FETCH, type FetchOptions } from '../import/pipeline/fetch-url';
import { linkFileTarget, prepareFile, prepareText, siteOf } from '../import/pipeline/import-file';
import { fetchMissingImages } from '../import/images/missing-images';
import { preparePool } from '../import/workers/prepare-pool';
import { fetchingWebImages, WebImages } from '../import/images/web-images';
import type { NewArticle } from '../library/library';
import { pendingContent, pendingOriginal, PENDING_ORIGINAL_EXTENSION } from '../library/pending-link';
import { logUnexpected } from '../log';
import { detectExportHead } from '../import/services/read-export';
import type { ServiceContext } from './context';
import { importExportAt } from './import-exported';
import { LinkQueue, type LinkQueueOptions } from './link-queue';

/** Files in flight at once: enough to keep every worker busy while one is being written. */
export const IMPORT_CONCURRENCY = 4;

export interface ImportServiceOptions {
  /** Fetch settings for links (tests shorten the timeout). */
  pageFetch?: FetchOptions;
  /**
   * Whether the web images of dropped pages and clips are fetched (see
   * import/web-images.ts); on unless turned off, as the benchmark does to
   * time the pipeline without the network. Links always fetch theirs.
   */
  fetchWebImages?: boolean;
  /**
   * For tests only, never set by the app: hosts whose images a dropped page
   * or a clip may fetch from a local address (see import/pipeline/fetch-url.ts's
   * localHosts), because the tests' image servers listen on 127.0.0.1.
   */
  localImageHostsForTests?: readonly string[];
  /** The link queue's pace (tests and the benchmark shorten its gaps and delays). */
  linkQueue?: Pick<LinkQueueOptions, 'concurrency' | 'perHost' | 'hostGapMs' | 'attempts' | 'backoffMs'>;
}

/** How often the window hears how the link queue stands while it runs. */
const LINK_QUEUE_EVENT_MS = 250;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function cancelled(input: string): ImportOutcome {
  return {
    status: 'failed',
    input,
    error: { code: 'cancelled', message: `${input} was not imported: the import was cancelled.` },
  };
}

/** The article a pending link shows until it is fetched. */
export function pendingArticle(url: string, reason: string): NewArticle {
  const original = pendingOriginal(url);
  return {
    fields: {
      title: url,
      byline: null,
      siteName: siteOf(url),
      url,
      published: null,
      lang: null,
      excerpt: reason,
      wordCount: 0,
    },
    html: pendingContent(url),
    assets: [],
    source: { kind: 'link', name: url, sha256: sha256(original) },
    original: { bytes: original, extension: PENDING_ORIGINAL_EXTENSION },
    pending: { reason },
  };
}

export function importService(
  { library, events }: ServiceContext,
  options: ImportServiceOptions = {},
): ImportApi {
  const pageFetch = options.pageFetch ?? PAGE_FETCH;
  // Off when the service is told so, or when the person turned it off in Settings (read per import).
  const fetchWebImages = () => (options.fetchWebImages ?? true) && library.file.libraryOptions().fetchImages;
  const testHosts = options.localImageHostsForTests ?? [];
  // Jobs with a call running, and how many: a job spans one call per batch,
  // and is forgotten when its last call returns, so the map holds only work
  // in progress. Its outcomes went out as events and return values.
  const jobs = new Map<string, { controller: AbortController; calls: number }>();
  let retryingPending: Promise<ImportOutcome[]> | null = null;
  /** Duplicate checks and writes, one at a time: each check sees every earlier import. */
  const writes = new SerialQueue();

  function duplicateOf(input: string, existing: ArticleSummary | null): ImportOutcome | null {
    return existing ? { status: 'duplicate', input, article: existing } : null;
  }

  async function file(
    input: string,
    article: NewArticle,
    urlForDuplicates: string | null,
  ): Promise<ImportOutcome> {
    return writes.run(async () => {
      const duplicate = duplicateOf(input, library.findDuplicate(article.source.sha256, urlForDuplicates));
      if (duplicate) return duplicate;
      const saved = summarize(await library.add(article));
      if (article.pending) return { status: 'pending', input, article: saved };
      return {
        status: 'imported',
        input,
        article: saved,
        ...(article.notices ? { notices: article.notices } : {}),
      };
    });
  }

  async function guarded(input: string, run: () => Promise<ImportOutcome>): Promise<ImportOutcome> {
    try {
      return await run();
    } catch (error) {
      logUnexpected(error);
      return { status: 'failed', input, error: serializeError(error) };
    }
  }

  /**
   * Fetches and prepares a link; throws 'unreachable' when the network is the
   * problem. The link the person gave may be on a local address; its page's
   * images may be too, only on the page's own host, and only when the page
   * itself came from a local address (a public name cannot turn local for them).
   */
  async function fetchArticle(url: string, signal?: AbortSignal): Promise<NewArticle> {
    const fetched = await fetchUrl(url, { ...pageFetch, signal, localHosts: [new URL(url).host] });
    const localHosts = fetched.local ? [new URL(fetched.url).host] : [];
    // Without web-images.ts's offline memory: the page just came, so the
    // network is there, even a minute after it was not.
    const fetchImage = async (image: string) => (await fetchUrl(image, { ...IMAGE_FETCH, localHosts })).bytes;
    const article = await prepareFile(
      { name: url, type: fetched.contentType, bytes: fetched.bytes },
      { fetchedFrom: fetched.url, fetchImage },
    );
    article.fields.url ??= fetched.url;
    return article;
  }

  async function importUrl(input: string, url: string, signal?: AbortSignal): Promise<ImportOutcome> {
    return guarded(input, async () => {
      const known = duplicateOf(input, library.findDuplicate(null, url));
      if (known) return known;
      let article: NewArticle;
      try {
        article = await fetchArticle(url, signal);
      } catch (error) {
        if (!(error instanceof LecternError) || error.code !== 'unreachable') throw error;
        article = pendingArticle(url, error.message);
      }
      return file(input, article, article.fields.url);
    });
  }

  /** How a file's outcome names it: its path where the window or command line gave one. */
  const unitInput = (unit: ImportUnit<FileInput>) => unit.main.path ?? unit.main.name;

  async function importUnit(
    unit: ImportUnit<FileInput>,
    signal: AbortSignal | undefined,
  ): Promise<ImportOutcome> {
    const input = unitInput(unit);
    if (signal?.aborted) return cancelled(input);
    const link = (() => {
      try {
        return linkFileTarget(unit.main);
      } catch (error) {
        return error as LecternError;
      }
    })();
    if (link instanceof LecternError) return { status: 'failed', input, error: link.toJSON() };
    if (link) return importUrl(input, link, signal);
    return guarded(input, async () => {
      const known = duplicateOf(input, library.findDuplicate(sha256(unit.main.bytes), null));
      if (known) return known;
      const related = new Map([...unit.related].map(([path, item]) => [path, item.bytes]));
      const article = await preparePool.prepare(unit.main, related, fetchWebImages(), testHosts);
      return file(input, article, article.fields.url);
    });
  }

  async function runJob<T>(
    items: T[],
    job: ImportJob | undefined,
    inputOf: (item: T) => string,
    run: (item: T, signal: AbortSignal) => Promise<ImportOutcome>,
  ): Promise<ImportOutcome[]> {
    const running = (job && jobs.get(job.jobId)) || { controller: new AbortController(), calls: 0 };
    running.calls++;
    if (job) jobs.set(job.jobId, running);
    try {
      return await mapBounded(items, IMPORT_CONCURRENCY, async (item) => {
        if (job && !running.controller.signal.aborted)
          events.emit({ type: 'import-reading', jobId: job.jobId, input: inputOf(item) });
        const outcome = await run(item, running.controller.signal);
        if (job)
          events.emit({ type: 'import-progress', jobId: job.jobId, total: job.total ?? null, outcome });
        return outcome;
      });
    } finally {
      if (job && --running.calls === 0) jobs.delete(job.jobId);
    }
  }

  async function retryArticle(id: string): Promise<ImportOutcome> {
    const { pending, url, title } = await library.get(id);
    if (!pending || !url) {
      throw new LecternError('invalid-argument', `“${title}” is already saved; there is nothing to retry.`);
    }
    return guarded(url, async () => {
      let article: NewArticle;
      try {
        article = await fetchArticle(url);
      } catch (error) {
        const reason = error instanceof LecternError ? error.message : serializeError(error).message;
        if (pending.reason !== reason) {
          await library.update(id, (next) => {
            next.pending = { reason };
            next.excerpt = reason;
          });
        }
        throw error;
      }
      const { importedFrom } = (await library.get(id)).source;
      if (importedFrom) {
        const { gaveUpAt: _gaveUpAt, ...from } = importedFrom;
        article.source = { ...article.source, importedFrom: from };
      }
      const saved = summarize(await writes.run(() => library.replace(id, article)));
      return { status: 'imported', input: url, article: saved };
    });
  }

  const announceQueue = throttle(
    (status: LinkQueueStatus) => events.emit({ type: 'link-queue', status }),
    LINK_QUEUE_EVENT_MS,
    { unref: true },
  );
  const linkQueue = new LinkQueue({
    library,
    ...options.linkQueue,
    fetchPage: (url, signal) => fetchArticle(url, signal),
    write: async (id, article) => {
      await writes.run(() => library.replace(id, article));
    },
    // The last word (the queue emptied or paused) goes out at once, and no held-back progress after it.
    onStatus: (status) => {
      announceQueue(status);
      if (!status.running || status.paused) announceQueue.flush();
    },
  });

  /** Reads an export named by path, or a file the window sent, written to a temporary folder for the zip reader. */
  async function importAppExport(source: AppExportSource) {
    const file = 'path' in source ? basename(source.path) : source.file.name;
    const writer = {
      library,
      writes,
      pendingArticle,
      listItems: source.listItems === true,
      onProgress: (done: number, total: number) =>
        events.emit({ type: 'app-export-progress', file, done, total }),
    };
    if ('path' in source) {
      try {
        return await importExportAt(source.path, writer);
      } catch (error) {
        if (error instanceof LecternError) throw error;
        throw new LecternError(
          'invalid-argument',
          `${basename(source.path)} could not be read: ${errorMessage(error)}`,
        );
      }
    }
    const folder = await mkdtemp(join(tmpdir(), 'lectern-export-'));
    try {
      const path = join(folder, basename(source.file.name) || 'export');
      await writeFile(path, source.file.bytes);
      return await importExportAt(path, writer);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  return {
    async importAppExport(source) {
      const name = 'path' in source ? basename(source.path) : source.file.name;
      const report = await importAppExport(source);
      if (!report) {
        throw new LecternError(
          'invalid-argument',
          `${name} is not an export Lectern knows. It reads Pocket, Instapaper, Omnivore, wallabag, Readwise, Raindrop and browser bookmark exports.`,
        );
      }
      linkQueue.refresh();
      return report;
    },

    async detectAppExport(head) {
      return detectExportHead(head) ?? null;
    },

    async linkQueueStatus() {
      linkQueue.start();
      return linkQueue.status();
    },

    async pauseLinkQueue(paused) {
      // Paused first: a queue started paused fetches nothing.
      linkQueue.pause(paused);
      linkQueue.start();
      return linkQueue.status();
    },

    async importFiles(files, job) {
      return runJob(groupSavedPages(files), job, unitInput, importUnit);
    },

    async importUrls(urls, job) {
      return runJob(
        urls,
        job,
        (url) => url,
        (url, signal) => (signal.aborted ? Promise.resolve(cancelled(url)) : importUrl(url, url, signal)),
      );
    },

    async importText(input: TextInput) {
      const name = input.title ?? 'Text clip';
      const options = fetchingWebImages(fetchWebImages(), testHosts);
      return guarded(name, async () => file(name, await prepareText(input, options), null));
    },

    retryArticle,

    retryPendingLinks() {
      retryingPending ??= mapBounded(
        // Links from another app's export are the link queue's, at its own pace.
        library.list().filter((summary) => summary.pending && !summary.source.importedFrom),
        IMPORT_CONCURRENCY,
        // One filled in meanwhile (by a Retry in a window) fails alone.
        (summary) => guarded(summary.title, () => retryArticle(summary.id)),
      ).finally(() => (retryingPending = null));
      return retryingPending;
    },

    async fetchMissingImages(id) {
      // A fetcher of its own: the person asked now, so hosts the imports
      // found unreachable a moment ago are asked again, once in this call.
      // The addresses are the page's, so none may be local.
      const fetchImage = new WebImages().fetcherAllowing(testHosts);
      const result = await fetchMissingImages(await library.content(id), fetchImage);
      if (result.fetched > 0) {
        await library.addImages(id, result.html, result.assets, result.leadImage);
      }
      return { fetched: result.fetched, missing: result.missing };
    },

    async cancelImport(jobId) {
      // A job with no call running has nothing left to stop: the window sends
      // no more batches once it has cancelled.
      jobs.get(jobId)?.controller.abort();
    },
  };
}
