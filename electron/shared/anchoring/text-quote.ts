/**
 * TextQuoteSelector: the highlighted words with up to 32 characters of
 * context on each side (the W3C model's prefix and suffix). The quote
 * survives any change elsewhere in the article; the context tells repeated
 * phrases apart ("the sea" may occur twenty times, "the sea" after "across"
 * once). 32 characters is Hypothesis's choice and ours: enough to
 * disambiguate nearly every repeat, short enough that an edit near the
 * highlight rarely touches it.
 *
 * findQuote is the exact step: every occurrence of the quote, ranked by how
 * much of the context agrees and then by distance from where the highlight
 * used to be. It is fast (indexOf) and never wrong about the words; it fails
 * only when the quote itself changed, which is match-quote.ts's job.
 */
import type { TextQuoteSelector } from '../annotation';

export const CONTEXT_CHARS = 32;

export function describeQuote(text: string, start: number, end: number): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}

/** Characters that agree, reading the prefix backwards from the quote and the suffix forwards. */
function contextAgreement(text: string, quote: TextQuoteSelector, start: number): number {
  let score = 0;
  for (
    let i = 1;
    i <= quote.prefix.length && text[start - i] === quote.prefix[quote.prefix.length - i];
    i++
  ) {
    score++;
  }
  const end = start + quote.exact.length;
  for (let i = 0; i < quote.suffix.length && text[end + i] === quote.suffix[i]; i++) score++;
  return score;
}

/**
 * The occurrence of the exact quote whose context agrees best, nearest to
 * `hint` on a tie; null when the quote does not occur. An occurrence is only
 * taken when its context agrees at least partly (or the quote is unique, or
 * no context was stored), so a common phrase does not jump to the wrong place
 * when its own sentence was edited: that case goes to the fuzzy step.
 */
export function findQuote(
  text: string,
  quote: TextQuoteSelector,
  hint?: number,
): { start: number; end: number } | null {
  if (quote.exact.length === 0) return null;
  const found: number[] = [];
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) found.push(at);
  if (found.length === 0) return null;
  const hasContext = quote.prefix.length + quote.suffix.length > 0;
  let best: { start: number; score: number; distance: number } | null = null;
  for (const start of found) {
    const score = contextAgreement(text, quote, start);
    const distance = hint === undefined ? 0 : Math.abs(start - hint);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { start, score, distance };
    }
  }
  if (!best || (hasContext && found.length > 1 && best.score === 0)) return null;
  return { start: best.start, end: best.start + quote.exact.length };
}
