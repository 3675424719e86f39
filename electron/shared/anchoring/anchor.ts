/**
 * Describing a highlight as selectors, and finding it again. Anchoring tries,
 * in order, the cheapest step that can be trusted:
 *   1. position — the stored range, if the text there is still the quote;
 *   2. quote — the exact quote, chosen among repeats by its context;
 *   3. fuzzy — an approximate match of the quote, scored with its context;
 * and otherwise reports the highlight orphaned. The caller keeps an orphaned
 * highlight as it is stored (with its quote and note) and shows it as such:
 * anchoring never changes or drops what was saved.
 */
import type { HighlightTarget } from '../annotation';
import { matchQuote } from './match-quote';
import { checkPosition, describePosition } from './text-position';
import { describeQuote, findQuote } from './text-quote';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchor {
  start: number;
  end: number;
  method: AnchorMethod;
}

/** The selectors for characters start..end of the article's text. */
export function describeTarget(text: string, start: number, end: number): HighlightTarget {
  return { selector: [describeQuote(text, start, end), describePosition(start, end)] };
}

/** Where a stored target lies in `text` now, or null when it is orphaned. */
export function anchorTarget(text: string, target: HighlightTarget): Anchor | null {
  const [quote, position] = target.selector;
  const exact = checkPosition(text, position, quote.exact);
  if (exact) return { ...exact, method: 'position' };
  const found = findQuote(text, quote, position.start);
  if (found) return { ...found, method: 'quote' };
  const fuzzy = matchQuote(text, quote.exact, {
    prefix: quote.prefix,
    suffix: quote.suffix,
    hint: position.start,
  });
  return fuzzy ? { start: fuzzy.start, end: fuzzy.end, method: 'fuzzy' } : null;
}
