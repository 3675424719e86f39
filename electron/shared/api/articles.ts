/** Reading and changing articles that are already in the library. */
import type {
  ArticleDetails,
  ArticleStatus,
  ArticleSummary,
  ArticleWithContent,
  EditableDetail,
} from '../article';

export interface ArticlePatch {
  status?: ArticleStatus;
  favorite?: boolean;
  progress?: number;
  /** Kept as the person's edit of the title (see editArticle). */
  title?: string;
}

/** An earlier content of an article, kept when it was re-extracted or another version restored. */
export interface ArticleVersion {
  /** Names the version's folder, versions/<id>/, in the article's folder. */
  id: string;
  /** ISO 8601 time the content stopped being the current one. */
  savedAt: string;
  /** What replaced it: a re-extraction, or the restoring of another version. */
  replacedBy: 'reextract' | 'restore';
  /** The title extraction had found for it. */
  title: string;
  wordCount: number;
}

/** What became of one article in a re-extraction. */
export type ReextractOutcome =
  | {
      status: 'reextracted';
      article: ArticleSummary;
      /** The version the previous content was kept as; null when the text came out the same. */
      version: ArticleVersion | null;
      /** Highlights found again on the same words, by position or exact quote. */
      placed: number;
      /** Highlights found again on words that changed a little. */
      moved: number;
      /** Highlights that could not be placed in the new text: kept, and shown as such. */
      orphaned: number;
    }
  | { status: 'skipped'; id: string; title: string; reason: string }
  | { status: 'failed'; id: string; title: string; message: string };

/** Groups a re-extraction's progress events, and lets it be cancelled. */
export interface ReextractJob {
  jobId: string;
}

/** Sent after each article of a re-extraction with a job, and once more when it ends. */
export interface ReextractProgressEvent {
  type: 'reextract-progress';
  jobId: string;
  done: number;
  total: number;
  /** True on the last event of the job (finished or cancelled). */
  finished: boolean;
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
  /**
   * Sets the person's own title, byline, site or published date (a date as
   * YYYY-MM-DD); they win over what extraction finds, now and when the
   * article is re-extracted. Errors: not-found, invalid-argument.
   */
  editArticle(id: string, edits: Partial<ArticleDetails>): Promise<ArticleSummary>;
  /** Puts the named details (all when none are named) back to what extraction found. Errors: not-found. */
  resetArticleEdits(id: string, fields?: EditableDetail[]): Promise<ArticleSummary>;
  /**
   * Extracts the articles again from their stored originals with the current
   * extractor, one at a time; the previous content is kept as a version and
   * highlights are placed again. Progress goes out as reextract-progress
   * events when a job is given. Errors: invalid-argument.
   */
  reextractArticles(ids: string[], job?: ReextractJob): Promise<ReextractOutcome[]>;
  /** Stops a running re-extraction after the article in hand; the rest stay as they are. */
  cancelReextract(jobId: string): Promise<void>;
  /** An article's earlier contents, newest first. Errors: not-found. */
  listVersions(id: string): Promise<ArticleVersion[]>;
  /**
   * Makes an earlier content current again; the current one is kept as a
   * version in turn, and highlights are placed again. Errors: not-found.
   */
  restoreVersion(id: string, versionId: string): Promise<ReextractOutcome>;
}

export const ARTICLES_METHODS: Record<keyof ArticlesApi, true> = {
  listArticles: true,
  getArticle: true,
  updateArticle: true,
  deleteArticle: true,
  acceptRecovered: true,
  editArticle: true,
  resetArticleEdits: true,
  reextractArticles: true,
  cancelReextract: true,
  listVersions: true,
  restoreVersion: true,
};
