/**
 * A drag rarely stops exactly between words: a highlight that ends in
 * "dr|astically" was meant to hold the word. The ends of a selection that
 * cut a word are moved outwards to the word's edges; moving inwards would
 * drop words the person did reach. A selection within a single word is
 * left as it is, since there the part was chosen on purpose (a prefix, a
 * letter). Ideographs and kana, written without spaces, count as words of
 * one character each, so a selection in Chinese or Japanese never grows.
 */

import type { Span } from './hit-test';

const WORD = /[\p{L}\p{M}\p{N}]/u;
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Joins two word characters into one word: "don't", "well-known". */
const JOINER = /['’\-‐]/u;

function isWord(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char) && !SPACELESS.test(char);
}

/** Whether offset `at` (between two characters) falls inside a word. */
function insideWord(text: string, at: number): boolean {
  const before = text[at - 1];
  const after = text[at];
  if (isWord(before) && isWord(after)) return true;
  if (JOINER.test(after ?? '') && isWord(before) && isWord(text[at + 1])) return true;
  return JOINER.test(before ?? '') && isWord(text[at - 2]) && isWord(after);
}

function partOfWord(text: string, at: number): boolean {
  return isWord(text[at]) || (JOINER.test(text[at] ?? '') && isWord(text[at - 1]) && isWord(text[at + 1]));
}

export function snapToWords(text: string, span: Span): Span {
  let { start, end } = span;
  let oneWord = true;
  for (let at = start; at < end && oneWord; at++) oneWord = partOfWord(text, at);
  if (oneWord) return span;
  while (start > 0 && insideWord(text, start)) start--;
  while (end < text.length && insideWord(text, end)) end++;
  return { start, end };
}
