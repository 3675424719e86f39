/**
 * Every article summary the window knows, in the library and in the trash:
 * loaded once, then kept current by the backend's library-changed events, so
 * changes from any window (or the command line) appear without a reload.
 * Which of them to show, and in what order, is the search's business
 * (browse.svelte.ts); this holds the rows' contents.
 *
 * Changes are taken in at most every APPLY_MS: a lone change at once, a
 * burst (an import of 20,000 items is 40 events) gathered and taken in one
 * step, so the lists derived from these (the sidebar's counts, the rows)
 * are rebuilt a few times a second, not once per event, and each step costs
 * one pass over the list, not a sort of it.
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- each Map and Set is a $state.raw value replaced whole, or bookkeeping nothing renders */
import type { LecternEvent } from '@shared/api';
import type { ArticleSummary } from '@shared/article';
import type { LecternClient } from '@shared/api';
import { errorMessage } from '@shared/errors';
import { throttle } from '@shared/async';

/** The least time between two changes taken in (see the header). */
const APPLY_MS = 500;

function newestFirst(a: ArticleSummary, b: ArticleSummary): number {
  return a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : 0;
}

/** Two lists sorted newest first, as one. */
function mergeNewestFirst(a: ArticleSummary[], b: ArticleSummary[]): ArticleSummary[] {
  const out: ArticleSummary[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(newestFirst(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
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
  /** Changes heard and not yet taken in: summaries by id, and ids deleted for good. */
  #waiting = { changed: new Map<string, ArticleSummary>(), removed: new Set<string>() };
  readonly #applySoon = throttle(() => this.#takeWaiting(), APPLY_MS);

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
    // Changes heard before the question are older than its answer.
    this.#applySoon.cancel();
    this.#takeWaiting();
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
    const { changed, removed } = this.#waiting;
    for (const article of event.changed) {
      removed.delete(article.id);
      changed.set(article.id, article);
    }
    for (const id of event.removed) {
      changed.delete(id);
      removed.add(id);
    }
    this.#applySoon();
  }

  /** Takes in the changes heard since the last time, in one pass over the list. */
  #takeWaiting(): void {
    const { changed, removed } = this.#waiting;
    if (changed.size + removed.size === 0) return;
    this.#waiting = { changed: new Map(), removed: new Set() };
    const byId = new Map(this.byId);
    for (const id of removed) byId.delete(id);
    for (const article of changed.values()) byId.set(article.id, article);
    const kept = this.articles.filter((a) => !removed.has(a.id) && !changed.has(a.id));
    const fresh = [...changed.values()].filter((a) => a.trashedAt === null).sort(newestFirst);
    this.byId = byId;
    this.articles = mergeNewestFirst(kept, fresh);
    for (const listener of this.#listeners) listener();
  }
}
