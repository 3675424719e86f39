/**
 * Highlight targets follow the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/#selectors): a quote with its
 * context, and a character range over the text of content.html. Either alone
 * can be re-anchored; together they survive small edits to the content.
 */

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface HighlightTarget {
  selector: [TextQuoteSelector, TextPositionSelector];
}

export interface Highlight {
  id: string;
  color: HighlightColor;
  /** Markdown. */
  note: string;
  createdAt: string;
  updatedAt: string;
  target: HighlightTarget;
  /**
   * The highlighted words as a person reads them, with a line break where
   * one block (paragraph, list item, heading) ends and the next begins.
   * Present only when it differs from the quote selector's `exact`, which
   * is the article's text as stored and often runs blocks together.
   */
  quote?: string;
}

/** What a highlight says, as read (see Highlight.quote). */
export function highlightText(highlight: Pick<Highlight, 'quote' | 'target'>): string {
  return highlight.quote ?? highlight.target.selector[0].exact;
}
