/**
 * The words of a stored content.html, in order, as tokenize(htmlText(html))
 * gives them (html-text.ts, tokens.ts), read off the HTML in one pass for a
 * rebuild of the index, where cutting the text out, folding it and cutting
 * it into strings was most of the cost of an article.
 *
 * The text is taken in stretches that run between whitespace and tags, the
 * places where htmlText leaves a space: no word, character reference or
 * case rule reaches across a space, so each stretch gives the words it
 * would give within the whole text. A stretch of plain ASCII (most of them)
 * is cut here, each word handed over with its hashes (pair-filter.ts) as
 * the place it stands in the HTML, lower-cased but not copied; any other
 * stretch, with a character reference or a character beyond ASCII, goes
 * through htmlText's and tokenize's own steps. HTML holding a script or
 * style element, which content.html never should, is read the long way.
 */
import { decodeEntities } from '../../shared/html-entities';
import { tokenize } from '../../shared/search/tokens';
import { htmlText } from './html-text';
import { HASH1_START, HASH2_START, hash1Step, hash2Step } from './pair-filter';
import { OTHER, wordCode } from './word-chars';

export interface WordSink {
  /**
   * A word read character by character: what `text` spells from `start` to
   * `end` (word-chars.ts); `first` and `second` are its hashes (wordHash1, wordHash2).
   */
  spanWord(text: string, start: number, end: number, first: number, second: number): void;
  /** A word as tokenize() gives it. */
  word(term: string): void;
}

const SCRIPT_OR_STYLE_AT = /<(?:script|style)\b/iy;
const WHITESPACE = /\s+/g;
const LESS_THAN = 0x3c;
const SPACE = 0x20;
/** wordCode() of a letter or digit is its code, above BREAK and OTHER. */
const FIRST_WORD_CODE = 0x30;

/** The characters `\s` matches below 128: tab, line feed, vertical tab, form feed, carriage return, space. */
function isAsciiSpace(code: number): boolean {
  return code === SPACE || (code >= 0x09 && code <= 0x0d);
}

/** Whether `html` holds `<script` or `<style` anywhere: found from its `<s` and `<S`, faster than searching with the pattern alone. */
function holdsScriptOrStyle(html: string): boolean {
  for (const opening of ['<s', '<S']) {
    for (let at = html.indexOf(opening); at >= 0; at = html.indexOf(opening, at + 1)) {
      SCRIPT_OR_STYLE_AT.lastIndex = at;
      if (SCRIPT_OR_STYLE_AT.test(html)) return true;
    }
  }
  return false;
}

/** Hands `sink` each word of the text of `html`, in order. */
export function htmlWords(html: string, sink: WordSink): void {
  if (holdsScriptOrStyle(html)) {
    for (const term of tokenize(htmlText(html))) sink.word(term);
    return;
  }
  // A `<` opens a tag only when a `>` follows it somewhere; past the last `>`, none does.
  const lastClose = html.lastIndexOf('>');
  const length = html.length;
  let at = 0;
  while (at < length) {
    const code = html.charCodeAt(at);
    if (code === LESS_THAN && at < lastClose) {
      at = html.indexOf('>', at + 1) + 1;
      continue;
    }
    if (isAsciiSpace(code)) {
      at++;
      continue;
    }
    let end = at;
    let plain = true;
    for (; end < length; end++) {
      const next = html.charCodeAt(end);
      if (next <= SPACE && isAsciiSpace(next)) break;
      if (next === LESS_THAN && end < lastClose) break;
      if (wordCode(next) === OTHER) plain = false;
    }
    if (plain) spanWords(html, at, end, sink);
    else
      for (const term of tokenize(decodeEntities(html.slice(at, end)).replace(WHITESPACE, ' ')))
        sink.word(term);
    at = end;
  }
}

/** The words of a stretch with no OTHER code unit: runs of letters and digits, folded. */
function spanWords(text: string, start: number, end: number, sink: WordSink): void {
  let from = -1;
  let first = 0;
  let second = 0;
  for (let at = start; at < end; at++) {
    const code = wordCode(text.charCodeAt(at));
    if (code >= FIRST_WORD_CODE) {
      if (from < 0) {
        from = at;
        first = HASH1_START;
        second = HASH2_START;
      }
      first = hash1Step(first, code);
      second = hash2Step(second, code);
    } else if (from >= 0) {
      sink.spanWord(text, from, at, first >>> 0, second >>> 0);
      from = -1;
    }
  }
  if (from >= 0) sink.spanWord(text, from, end, first >>> 0, second >>> 0);
}
