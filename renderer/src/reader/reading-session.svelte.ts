/**
 * One open article: its content and meta, its highlights and note, and the
 * changes the reader makes to it (archive, favorite). The backend and the
 * highlights' store are passed in, so a test can open an article on a stand-in
 * backend without a window; a failure to open is kept as a sentence to show,
 * not thrown, because the reader shows it in place of the article.
 */
import type { LecternApi } from '@shared/api';
import type { ArticleMeta, ArticleSummary, ArticleWithContent } from '@shared/article';
import { errorMessage } from '@shared/errors';

/** What the session asks of the backend. */
export type SessionApi = Pick<LecternApi, 'getArticle'>;

/**
 * Archiving and favoriting, which tell the person how it went and answer null
 * on a failure (LibraryActions in the app, shared with the list's buttons).
 */
export interface ArticleStates {
  setArchived(id: string, archived: boolean): Promise<ArticleSummary | null>;
  setFavorite(id: string, favorite: boolean): Promise<ArticleSummary | null>;
}

/** What the session needs of an article's annotations: to let them go on leaving. */
export interface Disposable {
  dispose(): void;
}

export interface SessionOptions<A extends Disposable> {
  api: SessionApi;
  /** Opens the article's highlights and note (ArticleAnnotations in the app). */
  annotations: (id: string, meta: ArticleMeta) => A;
  states: ArticleStates;
}

export class ReadingSession<A extends Disposable> {
  article = $state.raw<ArticleWithContent | null>(null);
  annotations = $state.raw<A | null>(null);
  /** Why the article could not be opened, or '' while it can. */
  failure = $state('');
  readonly #options: SessionOptions<A>;

  constructor(
    readonly id: string,
    options: SessionOptions<A>,
  ) {
    this.#options = options;
  }

  /** Loads the article and its annotations; false (with `failure` set) when it cannot be opened. */
  async open(): Promise<boolean> {
    try {
      const loaded = await this.#options.api.getArticle(this.id);
      performance.mark('lectern:content-arrived');
      this.annotations = this.#options.annotations(this.id, loaded.meta);
      this.article = loaded;
      return true;
    } catch (error) {
      this.failure = errorMessage(error);
      return false;
    }
  }

  /** Loads the article again after the backend changed its content (a retried link, fetched images). */
  async reload(): Promise<void> {
    this.article = await this.#options.api.getArticle(this.id);
  }

  async toggleArchive(): Promise<void> {
    if (!this.article) return;
    const summary = await this.#options.states.setArchived(this.id, this.article.meta.status !== 'archived');
    if (summary) this.#setMeta({ status: summary.status });
  }

  async toggleFavorite(): Promise<void> {
    if (!this.article) return;
    const summary = await this.#options.states.setFavorite(this.id, !this.article.meta.favorite);
    if (summary) this.#setMeta({ favorite: summary.favorite });
  }

  close(): void {
    this.annotations?.dispose();
  }

  #setMeta(patch: Partial<ArticleMeta>): void {
    if (this.article) this.article = { ...this.article, meta: { ...this.article.meta, ...patch } };
  }
}
