/**
 * Every article summary the window knows, in the library and in the trash:
 * loaded once, then kept current by the backend's library-changed events, so
 * changes from any window (or the command line) appear without a reload.
 * Which of them to show, and in what order, is the search's business
 * (browse.svelte.ts); this holds the rows' contents.
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- each Map and Set is a $state.raw value replaced whole, or bookkeeping nothing renders */
import type { LecternEvent } from '@shared/api';
import type { ArticleSummary } from '@shared/article';
import type { LecternClient } from '@shared/api';
import { errorMessage } from '@shared/errors';

function newestFirst(a: ArticleSummary, b: ArticleSummary): number {
  return a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : 0;
}

type Listener = () => void;

export class LibraryState {
  /** Articles in the library (not the trash), newest first. */
  articles = $state.raw<ArticleSummary[]>([]);
  /** Every known article by id, trashed ones included. */
  byId = $state.raw(new Map<string, ArticleSummary>());
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  error = $state('');
  readonly #listeners = new Set<Listener>();
  readonly #api: LecternClient;

  constructor(api: LecternClient) {
    this.#api = api;
    api.onEvent((event) => this.#apply(event));
  }

  /** Calls `listener` after every change the backend reports; returns the unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Fetches every summary. `after` delays the fetch: at 10,000 articles the
   * summaries are megabytes, so the window first paints the rows its search
   * answer carries (browse.svelte.ts) and only then asks for the rest.
   */
  async load(after: Promise<unknown> = Promise.resolve()): Promise<void> {
    this.status = 'loading';
    await after;
    try {
      await this.#fetchAll();
      this.status = 'ready';
    } catch (error) {
      this.error = errorMessage(error);
      this.status = 'failed';
    }
  }

  /**
   * Changes may have been missed (http-transport.ts): every summary is
   * fetched again if they were already loaded (a load still under way is
   * answered after the stream opened), and the lists showing them search again.
   */
  async #resume(): Promise<void> {
    if (this.status === 'ready') {
      try {
        await this.#fetchAll();
      } catch {
        // The backend is gone again: the next resumption tries once more.
      }
    }
    for (const listener of this.#listeners) listener();
  }

  async #fetchAll(): Promise<void> {
    const [articles, trashed] = await Promise.all([this.#api.listArticles(), this.#api.listTrash()]);
    this.#set([...articles, ...trashed]);
  }

  #set(all: ArticleSummary[]): void {
    this.byId = new Map(all.map((article) => [article.id, article] as const));
    this.articles = all.filter((a) => a.trashedAt === null).sort(newestFirst);
  }

  #apply(event: LecternEvent): void {
    if (event.type === 'events-resumed') {
      void this.#resume();
      return;
    }
    if (event.type !== 'library-changed') return;
    const replaced = new Set([...event.removed, ...event.changed.map((article) => article.id)]);
    this.#set([...[...this.byId.values()].filter((a) => !replaced.has(a.id)), ...event.changed]);
    for (const listener of this.#listeners) listener();
  }
}
