/**
 * Changing many articles at once, and undoing it. Every bulk change answers
 * with the articles' states from before, which restoreStates puts back.
 */
import type { ArticleStatus, ArticleSummary } from '../article';

/** The parts of an article a bulk change can touch. */
export interface ArticleState {
  id: string;
  status: ArticleStatus;
  favorite: boolean;
  tags: string[];
  progress: number;
}

export interface BulkResult {
  /** The articles changed, in their new state. */
  changed: ArticleSummary[];
  /** Their states before the change, for restoreStates. */
  undo: ArticleState[];
  /** Articles that could not be changed, each with the reason. */
  failed: { id: string; message: string }[];
}

export interface BulkPatch {
  status?: ArticleStatus;
  favorite?: boolean;
  /** Marks read (progress 1) or unread (progress 0). */
  read?: boolean;
}

/** Sent while a change to many articles runs (from BULK_PROGRESS_FROM articles), and once when it ends. */
export interface BulkProgressEvent {
  type: 'bulk-progress';
  done: number;
  total: number;
}

export const BULK_PROGRESS_FROM = 200;

export interface BulkApi {
  /** Archives, favorites or marks many articles at once. Errors: invalid-argument. */
  updateArticles(ids: string[], patch: BulkPatch): Promise<BulkResult>;
  /** Puts articles back as an earlier BulkResult's `undo` recorded them. Errors: invalid-argument. */
  restoreStates(states: ArticleState[]): Promise<BulkResult>;
}

export const BULK_METHODS: Record<keyof BulkApi, true> = {
  updateArticles: true,
  restoreStates: true,
};
