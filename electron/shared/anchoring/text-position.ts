/**
 * TextPositionSelector: a character range over the article's text
 * (text-model.ts). It is the cheapest way back to a highlight — one slice —
 * and exact while the content is unchanged, but it says nothing about what
 * was highlighted, so on its own a single edit before the highlight would
 * silently move it onto other words. It is therefore only trusted when the
 * text at the range still equals the stored quote; otherwise anchoring falls
 * through to the quote (text-quote.ts, match-quote.ts).
 */
import type { TextPositionSelector } from '../annotation';

export function describePosition(start: number, end: number): TextPositionSelector {
  return { type: 'TextPositionSelector', start, end };
}

/** The selector's range when the text there is still `exact`, else null. */
export function checkPosition(
  text: string,
  selector: TextPositionSelector,
  exact: string,
): { start: number; end: number } | null {
  const { start, end } = selector;
  if (start < 0 || end > text.length || start >= end) return null;
  return text.slice(start, end) === exact ? { start, end } : null;
}
