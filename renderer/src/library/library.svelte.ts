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
 * one pass over the list, not a sort of it. The map by id is changed in
 * place, not copied, and the sidebar's counts are kept by adding and taking
 * away the changed articles (list-counts.ts), so a step's other costs follow
 * the changes, not the library's size.
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- the map by id is read through a getter that tracks #version; the others are bookkeeping nothing renders */
import type { LecternEvent } from '@shared/api';
import type { ArticleSummary } from '@shared/article';
import type { LecternClient } from '@shared/api';
import { errorMessage } from '@shared/errors';
import { throttle } from '@shared/async';
import { countArticle, noCounts, type ListCounts } from './list-counts';

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
  /** How many articles each of the sidebar's lists holds. */
  counts = $state.raw<ListCounts>(noCounts());
  readonly #byId = new Map<string, ArticleSummary>();
  /** Bumped at each change of #byId, which is changed in place: what reads byId is run again. */
  #version = $state(0);
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  error = $state('');
  readonly #listeners = new Set<Listener>();
  readonly #api: LecternClient;
  /** Changes heard and not yet taken in: summaries by id, and ids deleted for good. */
  #waiting = { changed: new Map<string, ArticleSummary>(), removed: new Set<string>() };
  readonly #applySoon = throttle(() => this.#takeWaiting(), APPLY_MS);

  /** Every known article by id, trashed ones included. */
  get byId(): ReadonlyMap<string, ArticleSummary> {
    void this.#version;
    return this.#byId;
  }

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
    this.#byId.clear();
    const counts = noCounts();
    for (const article of all) {
      this.#byId.set(article.id, article);
      countArticle(counts, article, 1);
    }
    this.counts = counts;
    this.#version++;
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
    const counts = { ...this.counts };
    const forget = (id: string) => {
      const known = this.#byId.get(id);
      if (known) countArticle(counts, known, -1);
      this.#byId.delete(id);
    };
    for (const id of removed) forget(id);
    for (const article of changed.values()) {
      forget(article.id);
      this.#byId.set(article.id, article);
      countArticle(counts, article, 1);
    }
    const kept = this.articles.filter((a) => !removed.has(a.id) && !changed.has(a.id));
    const fresh = [...changed.values()].filter((a) => a.trashedAt === null).sort(newestFirst);
    this.counts = counts;
    this.#version++;
    this.articles = mergeNewestFirst(kept, fresh);
    for (const listener of this.#listeners) listener();
  }
}
