/** Reading and changing articles that are already in the library. */
import type { ArticleStatus, ArticleSummary, ArticleWithContent } from '../article';

export interface ArticlePatch {
  status?: ArticleStatus;
  favorite?: boolean;
  progress?: number;
  title?: string;
}

export interface ArticlesApi {
  /** Every article in the library, newest first. Errors: library-unavailable. */
  listArticles(): Promise<ArticleSummary[]>;
  /** One article's metadata and reader HTML. Errors: not-found. */
  getArticle(id: string): Promise<ArticleWithContent>;
  /** Changes an article's status, favorite flag, progress or title. Errors: not-found, invalid-argument. */
  updateArticle(id: string, patch: ArticlePatch): Promise<ArticleSummary>;
  /** Moves an article to the library's trash folder. Errors: not-found. */
  deleteArticle(id: string): Promise<void>;
  /**
   * Takes a damaged article (one whose summary has `damage`) as recovered:
   * the mark goes, the files set aside stay. Errors: not-found, library-corrupt.
   */
  acceptRecovered(id: string): Promise<ArticleSummary>;
}

export const ARTICLES_METHODS: Record<keyof ArticlesApi, true> = {
  listArticles: true,
  getArticle: true,
  updateArticle: true,
  deleteArticle: true,
  acceptRecovered: true,
};
