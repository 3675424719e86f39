/**
 * Hands the library's changes to the search engine, a burst in bounded
 * batches once it is over. An import of 20,000 links announced them in
 * groups of hundreds while it wrote; the engine indexed each group on a
 * pool of worker threads as it came, each thread a heap of its own, and a
 * window's backend grew from 250 to 500–680 MB while the import was still
 * writing. A burst's articles are now held until the changes pause (or
 * FEED_MAX_WAIT_MS passes) and handed over FEED_BATCH at a time, each once
 * the last is indexed: small enough that the engine indexes them on this
 * thread, without a pool, and the memory stays bounded. A lone change (an
 * edit, a clip, a fetched page) goes to the engine at once, as before;
 * searches meanwhile still match the held articles on their titles,
 * addresses and tags, as for any article not indexed yet.
 */
import { debounce, type Delayed } from '../shared/async';
import type { SearchEngine } from './search/search-engine';

/** From this many articles in one change, or while a burst is held, a change counts as part of a burst. */
export const BURST_FROM = 64;
/** Articles handed over at once: under the engine's SEGMENTS_FROM, so no worker pool is started. */
export const FEED_BATCH = 200;
/** The pause in changes that ends a burst. */
const FEED_QUIET_MS = 1000;
/** However long a burst goes on, what it held is handed over at least this often. */
const FEED_MAX_WAIT_MS = 10_000;

export interface SearchFeedOptions {
  /** For tests: the pause that ends a burst. */
  quietMs?: number;
}

export class SearchFeed {
  readonly #held = new Set<string>();
  #feeding: Promise<void> | null = null;
  #closed = false;
  readonly #feedSoon: Delayed<[]>;

  constructor(
    private readonly search: Pick<SearchEngine, 'notify' | 'settled'>,
    options: SearchFeedOptions = {},
  ) {
    const quietMs = options.quietMs ?? FEED_QUIET_MS;
    this.#feedSoon = debounce(() => this.#feed(), quietMs, {
      maxWaitMs: Math.max(quietMs, FEED_MAX_WAIT_MS),
    });
  }

  /** Articles that changed or left. */
  add(ids: readonly string[]): void {
    if (this.#closed) return;
    if (this.#held.size === 0 && !this.#feeding && ids.length < BURST_FROM) {
      this.search.notify(ids);
      return;
    }
    for (const id of ids) this.#held.add(id);
    this.#feedSoon();
  }

  #feed(): void {
    // A feed under way takes what was added meanwhile.
    if (this.#feeding) return;
    this.#feeding = (async () => {
      while (this.#held.size > 0 && !this.#closed) {
        const batch: string[] = [];
        for (const id of this.#held) {
          batch.push(id);
          if (batch.length === FEED_BATCH) break;
        }
        for (const id of batch) this.#held.delete(id);
        this.search.notify(batch);
        await this.search.settled();
      }
    })()
      .catch((error: unknown) =>
        console.error('Lectern: changes could not be handed to the search index:', error),
      )
      .finally(() => {
        this.#feeding = null;
      });
  }

  /**
   * Hands over everything still held at once and stops: the engine's own
   * close indexes it then, so a writer that closes right after a burst (the
   * command line after an import) leaves an index that is current.
   */
  async close(): Promise<void> {
    this.#closed = true;
    this.#feedSoon.cancel();
    await this.#feeding;
    if (this.#held.size > 0) this.search.notify([...this.#held]);
    this.#held.clear();
  }
}
