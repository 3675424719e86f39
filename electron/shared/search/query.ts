/**
 * The search query language (docs/user-guide.md, "Searching"), parsed into plain data
 * that core evaluates against its index and catalog.
 *
 * The parser never fails. Anything it cannot read as an operator is searched
 * for as the literal words it contains, and `ignored` says so in a sentence,
 * so a typo narrows the results visibly instead of silently returning
 * everything or nothing. Only known operator names are operators: "note:" or
 * "http://…" in a query are words.
 *
 * Typing is live, so the last plain word matches as a prefix ("lightho" finds
 * "lighthouse") unless a space follows it, which says the word is complete.
 */
import { normalizeTag } from '../tags';
import { tokenize } from './tokens';

export type Term =
  | { kind: 'word'; text: string; negate: boolean; prefix: boolean }
  | { kind: 'phrase'; words: string[]; negate: boolean };

export const IS_VALUES = ['inbox', 'archived', 'favorite', 'read', 'unread', 'trashed'] as const;
export const HAS_VALUES = ['highlights', 'note'] as const;
export const SORT_KEYS = ['added', 'published', 'title', 'words', 'progress'] as const;

export type IsValue = (typeof IS_VALUES)[number];
export type HasValue = (typeof HAS_VALUES)[number];
export type SortKey = (typeof SORT_KEYS)[number];

/** Inclusive bounds as date prefixes ("2024", "2024-05", "2024-05-01"); null is open. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

export type Filter = { negate: boolean } & (
  | { kind: 'tag'; name: string }
  | { kind: 'no-tag' }
  | { kind: 'is'; value: IsValue }
  | { kind: 'has'; value: HasValue }
  | { kind: 'site' | 'author' | 'lang'; value: string }
  | ({ kind: 'added' | 'published' } & DateRange)
  | { kind: 'words'; min: number | null; max: number | null }
);

export interface Sort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

export interface SearchQuery {
  terms: Term[];
  filters: Filter[];
  sort: Sort | null;
  /** One sentence per part of the query that was not understood as written. */
  ignored: string[];
}

/** Which way each key sorts when the query does not say: titles A–Z, the rest largest first. */
export const DEFAULT_DIRECTION: Record<SortKey, 'asc' | 'desc'> = {
  added: 'desc',
  published: 'desc',
  title: 'asc',
  words: 'desc',
  progress: 'desc',
};

const OPERATORS = ['tag', 'no', 'is', 'has', 'site', 'author', 'lang', 'added', 'published', 'words', 'sort'];

interface Chunk {
  negate: boolean;
  /** Operator name, lower-cased, or null for a plain word or phrase. */
  key: string | null;
  value: string;
  quoted: boolean;
  /** The chunk as typed, for messages. */
  raw: string;
}

/** Splits the query into chunks: words, "phrases", key:value and key:"quoted value". */
function chunks(input: string, ignored: string[]): Chunk[] {
  const out: Chunk[] = [];
  let i = 0;
  const readQuoted = (): string => {
    const close = input.indexOf('"', i + 1);
    const end = close === -1 ? input.length : close;
    const text = input.slice(i + 1, end);
    if (close === -1)
      ignored.push(`The quote opened before “${text.trim()}” was never closed; it was closed at the end.`);
    i = close === -1 ? input.length : close + 1;
    return text;
  };
  while (i < input.length) {
    if (/\s/.test(input[i] as string)) {
      i++;
      continue;
    }
    const start = i;
    let negate = false;
    if (input[i] === '-' && i + 1 < input.length && !/\s/.test(input[i + 1] as string)) {
      negate = true;
      i++;
    }
    if (input[i] === '"') {
      const value = readQuoted();
      out.push({ negate, key: null, value, quoted: true, raw: input.slice(start, i) });
      continue;
    }
    const operator = /^([A-Za-z]+):/.exec(input.slice(i));
    const key = operator?.[1]?.toLowerCase();
    if (operator && key && OPERATORS.includes(key)) {
      i += operator[0].length;
      if (input[i] === '"') {
        const value = readQuoted();
        out.push({ negate, key, value, quoted: true, raw: input.slice(start, i) });
        continue;
      }
      const end = input.slice(i).search(/\s/);
      const value = end === -1 ? input.slice(i) : input.slice(i, i + end);
      i += value.length;
      out.push({ negate, key, value, quoted: false, raw: input.slice(start, i) });
      continue;
    }
    const end = input.slice(i).search(/\s/);
    const value = end === -1 ? input.slice(i) : input.slice(i, i + end);
    i += value.length;
    out.push({ negate, key: null, value, quoted: false, raw: input.slice(start, i) });
  }
  return out;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function validDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [, , month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(Number(match[1]), m, 0)).getUTCDate();
  return d >= 1 && d <= daysInMonth;
}

function parseDateRange(value: string): DateRange | string {
  const parts = value.split('..');
  if (parts.length > 2) return 'is not a date or a range of dates';
  const [first = '', second] = parts;
  const from = first === '' ? null : first;
  const to = second === undefined ? from : second === '' ? null : second;
  if (from === null && to === null) return 'needs a date, such as 2024-05-01 or 2024-01-01..2024-06-30';
  for (const date of [from, to]) {
    if (date !== null && !validDate(date))
      return `has “${date}”, which is not a date (write 2024-05-01, 2024-05 or 2024)`;
  }
  // Compare as prefixes of the same length so "2024..2024-03" orders sensibly.
  if (from !== null && to !== null && from > to.padEnd(from.length, '9')) return 'ends before it starts';
  return { from, to };
}

function parseWordCount(value: string): { min: number | null; max: number | null } | string {
  const int = (text: string) => (/^\d+$/.test(text) ? Number(text) : null);
  const op = /^(>=|<=|>|<|=)?(\d+)$/.exec(value);
  if (op) {
    const n = Number(op[2]);
    switch (op[1]) {
      case '>':
        return { min: n + 1, max: null };
      case '>=':
        return { min: n, max: null };
      case '<':
        return { min: null, max: Math.max(0, n - 1) };
      case '<=':
        return { min: null, max: n };
      default:
        return { min: n, max: n };
    }
  }
  const range = /^(\d*)\.\.(\d*)$/.exec(value);
  if (range && (range[1] || range[2])) {
    const min = range[1] ? int(range[1]) : null;
    const max = range[2] ? int(range[2]) : null;
    if (min !== null && max !== null && min > max) return 'ends before it starts';
    return { min, max };
  }
  return 'needs a number of words, such as >1000, <500 or 500..1500';
}

function oneOf<T extends string>(values: readonly T[], value: string): T | null {
  const lower = value.toLowerCase();
  return (values as readonly string[]).includes(lower) ? (lower as T) : null;
}

/** Reads an operator chunk into a filter or sort, or returns why it could not. */
function operator(chunk: Chunk, query: SearchQuery): string | null {
  const { key, negate } = chunk;
  const value = chunk.value.trim();
  if (value === '') return 'needs a value';
  switch (key) {
    case 'tag': {
      const name = normalizeTag(value);
      if (name === '') return 'needs a tag name';
      query.filters.push({ kind: 'tag', name, negate });
      return null;
    }
    case 'no':
      if (value.toLowerCase() !== 'tag') return 'takes only “tag” (no:tag finds articles without tags)';
      query.filters.push({ kind: 'no-tag', negate });
      return null;
    case 'is': {
      const is = oneOf(IS_VALUES, value);
      if (!is) return `takes ${IS_VALUES.join(', ')}`;
      query.filters.push({ kind: 'is', value: is, negate });
      return null;
    }
    case 'has': {
      const has = oneOf(HAS_VALUES, value === 'highlight' ? 'highlights' : value);
      if (!has) return `takes ${HAS_VALUES.join(' or ')}`;
      query.filters.push({ kind: 'has', value: has, negate });
      return null;
    }
    case 'site':
    case 'author':
    case 'lang':
      query.filters.push({ kind: key, value, negate });
      return null;
    case 'added':
    case 'published': {
      const range = parseDateRange(value);
      if (typeof range === 'string') return range;
      query.filters.push({ kind: key, ...range, negate });
      return null;
    }
    case 'words': {
      const count = parseWordCount(value);
      if (typeof count === 'string') return count;
      query.filters.push({ kind: 'words', ...count, negate });
      return null;
    }
    case 'sort': {
      if (negate) return 'cannot be negated; add -asc or -desc instead';
      const match = /^([a-z]+)(?:-(asc|desc))?$/i.exec(value);
      const sortKey = match?.[1] ? oneOf(SORT_KEYS, match[1]) : null;
      if (!match || !sortKey) return `takes ${SORT_KEYS.join(', ')}, optionally followed by -asc or -desc`;
      const direction = (match[2]?.toLowerCase() as 'asc' | 'desc' | undefined) ?? DEFAULT_DIRECTION[sortKey];
      query.sort = { key: sortKey, direction };
      return null;
    }
    default:
      return 'is not an operator';
  }
}

function addWords(chunk: Chunk, query: SearchQuery): void {
  const words = tokenize(chunk.value);
  if (words.length === 0) return;
  if (chunk.quoted || (chunk.negate && words.length > 1)) {
    query.terms.push({ kind: 'phrase', words, negate: chunk.negate });
    return;
  }
  for (const text of words) query.terms.push({ kind: 'word', text, negate: chunk.negate, prefix: false });
}

export function parseQuery(input: string): SearchQuery {
  const query: SearchQuery = { terms: [], filters: [], sort: null, ignored: [] };
  const all = chunks(input, query.ignored);
  for (const chunk of all) {
    if (chunk.key === null) {
      if (chunk.negate && tokenize(chunk.value).length === 0 && !chunk.quoted) {
        query.ignored.push(`“${chunk.raw}” has nothing to leave out; it was ignored.`);
      }
      addWords(chunk, query);
      continue;
    }
    const problem = operator(chunk, query);
    if (problem === null) continue;
    const literal = tokenize(`${chunk.key} ${chunk.value}`);
    query.ignored.push(`“${chunk.raw}” ${problem}; searched for the words “${literal.join(' ')}” instead.`);
    for (const text of literal) query.terms.push({ kind: 'word', text, negate: chunk.negate, prefix: false });
  }
  const lastChunk = all.at(-1);
  const last = query.terms.at(-1);
  const typing = lastChunk?.key === null && !lastChunk.quoted && /[\p{L}\p{N}]$/u.test(input);
  if (typing && last?.kind === 'word' && !last.negate) last.prefix = true;
  return query;
}

/** The positive words and phrases of a query, for marking matches in snippets. */
export function highlightTerms(query: SearchQuery): { words: string[]; prefixes: string[] } {
  const words: string[] = [];
  const prefixes: string[] = [];
  for (const term of query.terms) {
    if (term.negate) continue;
    if (term.kind === 'phrase') words.push(...term.words);
    else (term.prefix ? prefixes : words).push(term.text);
  }
  return { words, prefixes };
}
