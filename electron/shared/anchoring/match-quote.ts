/**
 * The fuzzy step: find a quote that was edited since it was highlighted (a
 * word changed, straight quotes turned curly, spaces doubled), after the
 * position and the exact quote have both failed. Modelled on Hypothesis's
 * src/annotator/anchoring/match-quote.ts, using the same library
 * (approx-string-match, Myers' bit-parallel edit-distance search).
 *
 * The trade-off is recall against precision against cost:
 * - Recall: up to a quarter of the quote's characters may differ (Hypothesis
 *   allows half). A quarter still finds a sentence with a word or two
 *   rewritten, and typographic changes of any count.
 * - Precision: a short quote with many allowed errors matches almost
 *   anything, so candidates are scored by the quote's similarity (weight 50),
 *   the agreement of the prefix and suffix (20 each) and closeness to the old
 *   position (2), and a candidate scoring under MIN_SCORE is refused. A
 *   refused highlight is orphaned — kept and shown as such — which is better
 *   than a highlight silently painted on the wrong words.
 * - Cost: O(errors / 32 × text length) per quote; the errors are capped at
 *   256, so a 30,000-word article takes milliseconds per fuzzy highlight. The
 *   fuzzy step runs only for highlights the exact steps could not place.
 */
import search from 'approx-string-match';

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Where the quote used to start. */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0..1, 1 being the quote and its context unchanged at the old position. */
  score: number;
}

const MAX_ERRORS = 256;
const ERROR_SHARE = 0.25;
export const MIN_SCORE = 0.6;

/** How closely `actual` resembles `expected`, 0..1 (1 − edit distance / length). */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  const [best] = search(actual, expected, expected.length);
  return best ? 1 - best.errors / expected.length : 0;
}

export function matchQuote(text: string, quote: string, context: QuoteContext = {}): QuoteMatch | null {
  if (quote.length === 0 || text.length === 0) return null;
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.length * ERROR_SHARE));
  const candidates = search(text, quote, maxErrors);
  let best: QuoteMatch | null = null;
  for (const candidate of candidates) {
    const quoteScore = 1 - candidate.errors / quote.length;
    const prefixScore = context.prefix
      ? similarity(
          text.slice(Math.max(0, candidate.start - context.prefix.length), candidate.start),
          context.prefix,
        )
      : 1;
    const suffixScore = context.suffix
      ? similarity(text.slice(candidate.end, candidate.end + context.suffix.length), context.suffix)
      : 1;
    const positionScore =
      context.hint === undefined ? 1 : 1 - Math.abs(candidate.start - context.hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    if (!best || score > best.score) best = { start: candidate.start, end: candidate.end, score };
  }
  return best && best.score >= MIN_SCORE ? best : null;
}
