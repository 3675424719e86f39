/** The trash: deleted articles wait in trash/ for 30 days, restorable, then go for good. */
import type { ArticleSummary } from '../article';

/** Days an article stays in the trash before it is deleted for good. */
export const TRASH_DAYS = 30;

export interface TrashResult {
  /** The articles moved, in their new state. */
  changed: ArticleSummary[];
  failed: { id: string; message: string }[];
}

export interface TrashApi {
  /** Articles in the trash, most recently deleted first. Errors: library-unavailable. */
  listTrash(): Promise<ArticleSummary[]>;
  /** Moves articles to the trash. Errors: invalid-argument. */
  trashArticles(ids: string[]): Promise<TrashResult>;
  /** Moves articles from the trash back into the library. Errors: invalid-argument. */
  restoreArticles(ids: string[]): Promise<TrashResult>;
  /** Deletes the given trashed articles for good, or the whole trash when no ids are given; returns how many. Errors: invalid-argument. */
  emptyTrash(ids?: string[]): Promise<number>;
}

export const TRASH_METHODS: Record<keyof TrashApi, true> = {
  listTrash: true,
  trashArticles: true,
  restoreArticles: true,
  emptyTrash: true,
};
