/**
 * How text becomes search terms, shared by the index (core) and the query
 * parser so both cut words the same way: letters and digits in any script,
 * lower-cased, with accents folded ("Café" finds "cafe"). Apostrophes and
 * hyphens split words; that loses "don't" as one term but keeps the rule
 * simple enough that a phrase query and the index always agree.
 *
 * Folding is most of the cost of indexing an article, and most text is
 * ASCII, which folding only lower-cases. So only the runs of other
 * characters go through normalization and accent removal. That gives the
 * very result of folding the whole text: an ASCII character decomposes to
 * itself and no mark is ever reordered across it, so decomposition runs
 * apart at every one; removing marks goes character by character; and
 * lower-casing does too, but for the Greek capital sigma, whose small form
 * depends on its neighbours, so a text that decomposes to one is folded whole.
 */

const WORD = /[\p{L}\p{N}]+/gu;
const ASCII_WORD = /[a-z0-9]+/g;
const NOT_WORD = /[^\p{L}\p{N}]/gu;
const MARKS = /\p{M}+/gu;
/** Runs of characters other than ASCII, with the short ASCII gaps between them (a word in another script, its spaces). */
const OTHER_THAN_ASCII = /[^\0-\x7f](?:[\0-\x7f]{0,8}[^\0-\x7f])*/g;
const ANY_OTHER_THAN_ASCII = /[^\0-\x7f]/;
const CAPITAL_SIGMA = 'Σ';

const foldWhole = (text: string) => text.normalize('NFKD').replace(MARKS, '').toLowerCase();

/**
 * `text` folded run by run, each folded run passed through `then`; null
 * when a run decomposes to a capital sigma, which only the whole text folds right.
 */
function foldByRuns(text: string, then: (run: string) => string): string | null {
  let sigma = false;
  const folded = text.replace(OTHER_THAN_ASCII, (run) => {
    const decomposed = run.normalize('NFKD');
    sigma ||= decomposed.includes(CAPITAL_SIGMA);
    return then(decomposed.replace(MARKS, '').toLowerCase());
  });
  // Folded runs are lower-case already, and lower-casing them again changes nothing.
  return sigma ? null : folded.toLowerCase();
}

/** Lower-cases and removes accents, leaving everything else in place. */
export function fold(text: string): string {
  return foldByRuns(text, (run) => run) ?? foldWhole(text);
}

/**
 * The terms of `text`, in order, repeats kept. What is not a letter or a
 * digit in the runs becomes a space, so that text whose runs held only
 * punctuation (curly quotes, dashes) is cut by a plain ASCII pattern, three
 * times faster than the Unicode one.
 */
export function tokenize(text: string): string[] {
  const spaced = foldByRuns(text, (run) => run.replace(NOT_WORD, ' '));
  if (spaced === null) return foldWhole(text).match(WORD) ?? [];
  return (ANY_OTHER_THAN_ASCII.test(spaced) ? spaced.match(WORD) : spaced.match(ASCII_WORD)) ?? [];
}

/** Terms longer than this are not indexed: they are hashes, URLs or base64, not words. */
export const MAX_TERM_LENGTH = 40;
