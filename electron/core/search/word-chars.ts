/**
 * How each UTF-16 code unit of a text reads when words are cut from it
 * character by character (html-words.ts) rather than by tokenize()'s folding
 * and matching of whole strings: as the lower-case ASCII letter or digit it
 * folds to, as a break between words, or as one that needs tokenize().
 *
 * A character is a break when its compatibility decomposition holds no
 * letter, digit or mark (curly quotes, dashes, no-break spaces); it folds to
 * an ASCII letter or digit when its decomposition is that character's
 * capital or small form followed by marks only ("é", "Å", a full-width "Ａ").
 * Both read the same alone as within any text, since folding decomposes each
 * character apart and only reorders and drops marks. Anything else (a
 * mark, a letter of another script, "ﬁ", "™", a surrogate, a capital sigma
 * whose small form depends on its neighbours) is left to tokenize(), as is
 * `&`, which may start a character reference. Each code unit is classified
 * the first time it is met.
 */

/** A code unit between words. */
export const BREAK = 0;
/** A code unit that only tokenize() reads right. */
export const OTHER = 1;

const WORD_CHAR = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
const MARKS = /\p{M}+/gu;
const ASCII_WORD_CHAR = /^[a-z0-9]$/;

/** Per code unit: 0 not yet classified, else the class + 1 (BREAK, OTHER, or a character code). */
const classes = new Uint8Array(0x10000);

function classify(code: number): number {
  if (code === 0x26) return OTHER;
  if (code < 0x80) {
    if (code >= 0x41 && code <= 0x5a) return code + 0x20;
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return code;
    return BREAK;
  }
  if (code >= 0xd800 && code <= 0xdfff) return OTHER;
  const decomposed = String.fromCharCode(code).normalize('NFKD');
  if (!WORD_CHAR.test(decomposed) && !MARK.test(decomposed)) return BREAK;
  const folded = decomposed.replace(MARKS, '').toLowerCase();
  const startsWithMark = MARK.test(decomposed.charAt(0));
  return !startsWithMark && ASCII_WORD_CHAR.test(folded) ? folded.charCodeAt(0) : OTHER;
}

/** What `code` reads as: the ASCII letter or digit it folds to, BREAK or OTHER. */
export function wordCode(code: number): number {
  let known = classes[code] as number;
  if (known === 0) {
    known = classify(code) + 1;
    classes[code] = known;
  }
  return known - 1;
}

/** The word that `text` spells from `start` to `end`, every code unit of which folds to a letter or digit. */
export function spelt(text: string, start: number, end: number): string {
  let word = '';
  for (let at = start; at < end; at++) word += String.fromCharCode(wordCode(text.charCodeAt(at)));
  return word;
}

/** Whether `text` from `start` to `end` spells `term` (see spelt). */
export function spells(term: string, text: string, start: number, end: number): boolean {
  if (term.length !== end - start) return false;
  for (let i = 0; i < term.length; i++) {
    if (term.charCodeAt(i) !== wordCode(text.charCodeAt(start + i))) return false;
  }
  return true;
}
