/**
 * How text becomes search terms, shared by the index (core) and the query
 * parser so both cut words the same way: letters and digits in any script,
 * lower-cased, with accents folded ("Café" finds "cafe"). Apostrophes and
 * hyphens split words; that loses "don't" as one term but keeps the rule
 * simple enough that a phrase query and the index always agree.
 */

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

/** Lower-cases and removes accents, leaving everything else in place. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/** The terms of `text`, in order, repeats kept. */
export function tokenize(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** Terms longer than this are not indexed: they are hashes, URLs or base64, not words. */
export const MAX_TERM_LENGTH = 40;
