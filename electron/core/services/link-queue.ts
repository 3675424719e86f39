/**
 * The queue that fetches the pages of links brought in from another app's
 * export (Pocket, Instapaper, Raindrop, bookmarks). An export of 20,000
 * links must not become 20,000 requests at once, nor hammer one site:
 * a few pages are fetched at a time, at most a couple per host with a gap
 * between two requests to the same host, and a host that answers 429 or
 * 5xx (or not at all) is asked again later, with a growing delay.
 *
 * The queue keeps no file of its own: it is the library's pending articles
 * that came from an export and were not given up on. So a quit or a crash
 * loses nothing, and the queue picks up where it was when it starts again.
 * A failed try worth repeating is written into the article's record too
 * (`importedFrom.tries` and `retryAt`), so a restart neither starts a
 * failing link's retries from zero nor asks a busy host again before its
 * backoff ends: one record write per retry, few beside the fetches they
 * follow. A link that cannot be fetched stays a link-only article,
 * with its tags, state and dates, marked `gaveUpAt` so it is not asked for
 * again on every start; the reader's Retry can still fetch it.
 */
import type { LinkQueueFailure, LinkQueueStatus } from '../../shared/api';
import { errorMessage, LecternError } from '../../shared/errors';
import { placeOrphans, articleText } from '../import/services/place-highlights';
import type { Library, NewArticle } from '../library/library';

export interface LinkQueueOptions {
  library: Library;
  /** Fetches and prepares a link's page; throws a LecternError when it cannot. */
  fetchPage(url: string, signal: AbortSignal): Promise<NewArticle>;
  /** Writes a fetched page in place of its pending article (through the import's queue of writes). */
  write(id: string, article: NewArticle): Promise<void>;
  /** Told whenever the status changes (throttled by the caller if need be). */
  onStatus(status: LinkQueueStatus): void;
  /** Pages fetched at once. */
  concurrency?: number;
  /** Pages fetched at once from one host. */
  perHost?: number;
  /** Milliseconds between the start of two requests to one host. */
  hostGapMs?: number;
  /** Tries of a link whose host is busy or down before it is given up. */
  attempts?: number;
  /** The first retry's delay; each further retry waits twice as long. */
  backoffMs?: number;
  now?: () => number;
}

export const LINK_QUEUE_DEFAULTS = {
  concurrency: 4,
  perHost: 2,
  hostGapMs: 1000,
  attempts: 4,
  backoffMs: 5000,
};

interface Waiting {
  id: string;
  url: string;
  host: string;
  tries: number;
  notBefore: number;
}

/** Busy (429), failing (5xx) or unreachable: worth asking again later. Gone or refused: not. */
export function retryable(error: unknown): boolean {
  if (!(error instanceof LecternError)) return false;
  if (error.code === 'unreachable') return true;
  return error.code === 'fetch-failed' && /\(HTTP (429|5\d\d)\)/.test(error.message);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

export class LinkQueue {
  readonly #options: Required<Omit<LinkQueueOptions, 'now'>> & { now: () => number };
  readonly #waiting: Waiting[] = [];
  readonly #known = new Set<string>();
  readonly #hosts = new Map<string, { active: number; nextAt: number }>();
  readonly #failures: LinkQueueFailure[] = [];
  readonly #controller = new AbortController();
  #active = 0;
  #total = 0;
  #fetched = 0;
  #paused = false;
  #started = false;
  #timer: NodeJS.Timeout | null = null;
  #idle: Promise<void> = Promise.resolve();
  #settle: () => void = () => undefined;

  constructor(options: LinkQueueOptions) {
    this.#options = { ...LINK_QUEUE_DEFAULTS, now: Date.now, ...options };
  }

  /** Starts (once) by taking in every pending imported link the library holds. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#scan();
  }

  /** Takes in the pending imported links not queued yet (after an import wrote new ones). */
  refresh(): void {
    if (this.#started) this.#scan();
  }

  pause(paused: boolean): LinkQueueStatus {
    this.#paused = paused;
    this.#pump();
    this.#announce();
    return this.status();
  }

  status(): LinkQueueStatus {
    const failed = this.#failures.length;
    return {
      total: this.#total,
      done: this.#fetched + failed,
      fetched: this.#fetched,
      failed,
      paused: this.#paused,
      running: this.#waiting.length + this.#active > 0,
      failures: [...this.#failures],
    };
  }

  /** Resolves once nothing is waiting or being fetched (or the queue is paused with nothing in flight). */
  idle(): Promise<void> {
    return this.#idle;
  }

  /** Stops fetching; pages under way are abandoned, their articles stay pending for the next start. */
  close(): void {
    this.#controller.abort();
    if (this.#timer) clearTimeout(this.#timer);
    this.#waiting.length = 0;
    this.#settle();
  }

  #scan(): void {
    const before = this.#waiting.length;
    for (const summary of this.#options.library.list()) {
      const from = summary.source.importedFrom;
      if (!summary.pending || !summary.url || !from || from.gaveUpAt || this.#known.has(summary.id)) continue;
      this.#known.add(summary.id);
      const retryAt = from.retryAt ? Date.parse(from.retryAt) : 0;
      this.#waiting.push({
        id: summary.id,
        url: summary.url,
        host: hostOf(summary.url),
        tries: from.tries ?? 0,
        notBefore: Number.isNaN(retryAt) ? 0 : retryAt,
      });
    }
    // The list is newest first; the oldest saved come first, as the export listed them.
    const added = this.#waiting.splice(before).reverse();
    this.#waiting.push(...added);
    this.#total += added.length;
    if (added.length > 0) {
      if (this.#active === 0) this.#idle = new Promise((resolve) => (this.#settle = resolve));
      this.#announce();
    }
    this.#pump();
  }

  #host(host: string) {
    let state = this.#hosts.get(host);
    if (!state) this.#hosts.set(host, (state = { active: 0, nextAt: 0 }));
    return state;
  }

  /** Starts what may start now, and sets a timer for the next that may start later. */
  #pump(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#controller.signal.aborted) return;
    if (this.#waiting.length === 0 && this.#active === 0) return this.#settle();
    if (this.#paused) {
      if (this.#active === 0) this.#settle();
      return;
    }
    const { concurrency, perHost } = this.#options;
    let soonest = Infinity;
    for (let i = 0; i < this.#waiting.length && this.#active < concurrency;) {
      const item = this.#waiting[i]!;
      const host = this.#host(item.host);
      const at = Math.max(item.notBefore, host.nextAt);
      if (host.active >= perHost) {
        i++;
        continue;
      }
      if (at > this.#options.now()) {
        soonest = Math.min(soonest, at);
        i++;
        continue;
      }
      this.#waiting.splice(i, 1);
      void this.#fetch(item);
    }
    if (soonest < Infinity && this.#active < concurrency)
      this.#timer = setTimeout(() => this.#pump(), Math.max(0, soonest - this.#options.now()));
  }

  async #fetch(item: Waiting): Promise<void> {
    const { library } = this.#options;
    const host = this.#host(item.host);
    this.#active++;
    host.active++;
    host.nextAt = this.#options.now() + this.#options.hostGapMs;
    try {
      // The person may have trashed it, or fetched it with Retry, meanwhile.
      const summary = library.has(item.id) ? library.summary(item.id) : null;
      if (!summary || summary.trashedAt || !summary.pending) return;
      const article = await this.#options.fetchPage(item.url, this.#controller.signal);
      await this.#write(item.id, article);
      this.#fetched++;
    } catch (error) {
      if (this.#controller.signal.aborted) return;
      if (retryable(error) && item.tries + 1 < this.#options.attempts) {
        const delay = this.#options.backoffMs * 2 ** item.tries;
        item.tries++;
        item.notBefore = this.#options.now() + delay;
        // A busy host is left alone for as long, not only this link.
        host.nextAt = Math.max(host.nextAt, item.notBefore);
        await this.#keepTries(item);
        this.#waiting.push(item);
      } else {
        await this.#giveUp(item, errorMessage(error));
      }
    } finally {
      this.#active--;
      host.active--;
      this.#announce();
      this.#pump();
    }
  }

  async #write(id: string, article: NewArticle): Promise<void> {
    const { library } = this.#options;
    const { source } = await library.get(id);
    if (source.importedFrom) {
      // Its tries are over once its page is in.
      const { tries: _tries, retryAt: _retryAt, ...importedFrom } = source.importedFrom;
      article.source = { ...article.source, importedFrom };
    }
    await this.#options.write(id, article);
    // Highlights the export carried wait, by their quote, for the page's text.
    const text = articleText(await library.content(id));
    await library.update(id, (meta) => (placeOrphans(text, meta.highlights) > 0 ? undefined : false));
  }

  /**
   * Writes the link's failed tries and its next time into its record. A
   * failure to write costs only the count after a restart, so the retry
   * goes on from memory.
   */
  async #keepTries(item: Waiting): Promise<void> {
    const retryAt = new Date(item.notBefore).toISOString();
    await this.#options.library
      .update(item.id, (next) => {
        if (!next.pending || !next.source.importedFrom) return false;
        next.source.importedFrom = { ...next.source.importedFrom, tries: item.tries, retryAt };
      })
      .catch(() => undefined);
  }

  async #giveUp(item: Waiting, reason: string): Promise<void> {
    const { library } = this.#options;
    const at = new Date(this.#options.now()).toISOString();
    try {
      const meta = await library.update(item.id, (next) => {
        if (!next.pending || !next.source.importedFrom) return false;
        next.pending = { reason };
        next.source.importedFrom = { ...next.source.importedFrom, gaveUpAt: at };
      });
      this.#failures.push({ id: item.id, title: meta.title, url: item.url, reason });
    } catch (error) {
      this.#failures.push({ id: item.id, title: item.url, url: item.url, reason: errorMessage(error) });
    }
  }

  #announce(): void {
    this.#options.onStatus(this.status());
  }
}
