/**
 * A snippet for a search result: the stretch of the article's text around its
 * densest cluster of matched words, cut at word boundaries, with each match
 * marked. Highlights and the note are tried as well as the full text, and the
 * one with most distinct matches wins, so a hit in a highlight is shown as
 * such rather than as a random sentence of the body.
 */
import type { SnippetPart } from '../../shared/api/search';
import { fold } from '../../shared/search/tokens';

const WINDOW = 220;
const LEAD = 60;
const WORD = /[\p{L}\p{N}]+/gu;

export interface SnippetTerms {
  words: string[];
  prefixes: string[];
}

interface Hit {
  start: number;
  end: number;
  term: string;
}

function hits(text: string, terms: SnippetTerms): Hit[] {
  const words = new Set(terms.words);
  const out: Hit[] = [];
  for (const match of text.matchAll(WORD)) {
    const folded = fold(match[0]);
    const term = words.has(folded) ? folded : terms.prefixes.find((p) => folded.startsWith(p));
    if (term !== undefined) out.push({ start: match.index, end: match.index + match[0].length, term });
  }
  return out;
}

function best(text: string, terms: SnippetTerms): { score: number; parts: SnippetPart[] } | null {
  const found = hits(text, terms);
  if (found.length === 0) return null;
  let bestStart = 0;
  let bestScore = 0;
  for (let i = 0; i < found.length; i++) {
    const from = (found[i] as Hit).start;
    const distinct = new Set<string>();
    for (let j = i; j < found.length && (found[j] as Hit).end - from <= WINDOW - LEAD; j++) {
      distinct.add((found[j] as Hit).term);
    }
    if (distinct.size > bestScore) {
      bestScore = distinct.size;
      bestStart = from;
    }
  }
  let start = Math.max(0, bestStart - LEAD);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space === -1 || space > bestStart ? start : space + 1;
  }
  let end = Math.min(text.length, start + WINDOW);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const parts: SnippetPart[] = [];
  let cursor = start;
  const push = (to: number, mark: boolean) => {
    if (to > cursor) parts.push({ text: text.slice(cursor, to), mark });
    cursor = to;
  };
  if (start > 0) parts.push({ text: '… ', mark: false });
  for (const hit of found) {
    if (hit.start < start || hit.end > end) continue;
    push(hit.start, false);
    push(hit.end, true);
  }
  push(end, false);
  if (end < text.length) parts.push({ text: ' …', mark: false });
  return { score: bestScore, parts };
}

function holdsWord(text: string, word: string): boolean {
  for (const match of text.matchAll(WORD)) if (fold(match[0]) === word) return true;
  return false;
}

/**
 * The best snippet among `sources` (tried in order, ties to the earlier), or
 * null when no word matches. A word still being typed that the article holds
 * whole is marked only where it is whole ("sea", not "Seattle"); one it holds
 * only as the start of longer words is marked there.
 */
export function makeSnippet(sources: readonly string[], terms: SnippetTerms): SnippetPart[] | null {
  const whole = terms.prefixes.filter((prefix) => sources.some((source) => holdsWord(source, prefix)));
  const marking: SnippetTerms = {
    words: [...terms.words, ...whole],
    prefixes: terms.prefixes.filter((prefix) => !whole.includes(prefix)),
  };
  let winner: { score: number; parts: SnippetPart[] } | null = null;
  for (const source of sources) {
    const candidate = best(source, marking);
    if (candidate && (!winner || candidate.score > winner.score)) winner = candidate;
  }
  return winner?.parts ?? null;
}
