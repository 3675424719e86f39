/**
 * The article list as the window sees it: loaded once, then kept current by
 * the backend's library-changed events, so imports from any window (or the
 * command line) appear without a reload.
 */
import type { LecternEvent } from '@shared/api';
import type { ArticleSummary } from '@shared/article';
import { api } from '../api/client';

function newestFirst(a: ArticleSummary, b: ArticleSummary): number {
  return a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : 0;
}

class LibraryState {
  articles = $state.raw<ArticleSummary[]>([]);
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  error = $state('');

  constructor() {
    api.onEvent((event) => this.#apply(event));
  }

  async load(): Promise<void> {
    this.status = 'loading';
    try {
      this.articles = await api.listArticles();
      this.status = 'ready';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.status = 'failed';
    }
  }

  #apply(event: LecternEvent): void {
    if (event.type !== 'library-changed') return;
    const gone = new Set([...event.removed, ...event.changed.map((article) => article.id)]);
    this.articles = [...this.articles.filter((article) => !gone.has(article.id)), ...event.changed].sort(
      newestFirst,
    );
  }
}

export const library = new LibraryState();
