/** Highlights and notes: on passages of an article, and on the article itself. */
import type { Highlight, HighlightColor, HighlightTarget } from '../annotation';

export interface NewHighlight {
  color: HighlightColor;
  /** Markdown; may be empty. */
  note: string;
  target: HighlightTarget;
  /** The words as read, when they differ from the target's quote (Highlight.quote). */
  quote?: string;
}

export interface HighlightPatch {
  color?: HighlightColor;
}

/**
 * A note's new text with the version it was written on: the stored text the
 * window showed when the person began. Two windows on one note would
 * otherwise each overwrite the other; the backend writes an edit only while
 * the note still holds `base`. The text itself is the version, so an edit
 * another program made to article.json is caught too, with no counter to
 * keep on disk.
 */
export interface NoteEdit {
  text: string;
  base: string;
}

/** Saved (or already held), or refused because the note now holds `theirs`. */
export type NoteSaved = { saved: true } | { saved: false; theirs: string };

/** A highlight with the article it belongs to, for views across the library. */
export interface LibraryHighlight {
  articleId: string;
  articleTitle: string;
  siteName: string | null;
  tags: string[];
  highlight: Highlight;
}

export interface HighlightFilter {
  color?: HighlightColor;
  /** Only highlights in articles with this tag. */
  tag?: string;
  /** Words that must all occur in the quote or the note, in any case. */
  text?: string;
}

export interface AnnotationsApi {
  /** Saves a new highlight on an article. Errors: not-found, invalid-argument. */
  addHighlight(articleId: string, input: NewHighlight): Promise<Highlight>;
  /** Changes a highlight's colour. Errors: not-found, invalid-argument. */
  updateHighlight(articleId: string, highlightId: string, patch: HighlightPatch): Promise<Highlight>;
  /** Removes a highlight and returns it, so it can be restored. Errors: not-found. */
  deleteHighlight(articleId: string, highlightId: string): Promise<Highlight>;
  /** Puts back a highlight removed by deleteHighlight (undo). Errors: not-found, invalid-argument. */
  restoreHighlight(articleId: string, highlight: Highlight): Promise<Highlight>;
  /**
   * Replaces the article's own Markdown note if it still holds `edit.base`,
   * else answers with what it holds. Errors: not-found, invalid-argument.
   */
  setArticleNote(articleId: string, edit: NoteEdit): Promise<NoteSaved>;
  /**
   * Replaces a highlight's Markdown note if it still holds `edit.base`, else
   * answers with what it holds. Errors: not-found, invalid-argument.
   */
  setHighlightNote(articleId: string, highlightId: string, edit: NoteEdit): Promise<NoteSaved>;
  /** Every highlight in the library, newest first, optionally filtered. Errors: invalid-argument. */
  listHighlights(filter: HighlightFilter): Promise<LibraryHighlight[]>;
}

export const ANNOTATIONS_METHODS: Record<keyof AnnotationsApi, true> = {
  addHighlight: true,
  updateHighlight: true,
  deleteHighlight: true,
  restoreHighlight: true,
  setArticleNote: true,
  setHighlightNote: true,
  listHighlights: true,
};
