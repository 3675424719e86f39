/**
 * Query evaluation that needs no index: the filters against an article's
 * summary, the words against a document's text, and the result order. The
 * index (search-engine.ts) narrows the candidates; these decide.
 */
import { isRead, type ArticleSummary } from '../../shared/article';
import type { DateRange, Filter, SearchQuery, Sort, Term } from '../../shared/search/query';
import { fold, tokenize } from '../../shared/search/tokens';
import { tagWithin } from '../../shared/tags';
import { siteText } from './document';

function inRange(value: string | null, range: DateRange): boolean {
  if (value === null) return false;
  if (range.from !== null && value.slice(0, range.from.length) < range.from) return false;
  if (range.to !== null && value.slice(0, range.to.length) > range.to) return false;
  return true;
}

/**
 * Each summary's site and byline folded, once: `site:` and `author:` look at
 * every article of the library, and folding both for 10,000 of them made
 * those the slowest queries. Kept by summary, which the catalog replaces
 * whenever its article changes, so an entry never goes stale.
 */
const foldedFields = new WeakMap<ArticleSummary, { site: string; byline: string }>();

function folded(article: ArticleSummary): { site: string; byline: string } {
  let fields = foldedFields.get(article);
  if (!fields) {
    fields = { site: fold(siteText(article)), byline: fold(article.byline ?? '') };
    foldedFields.set(article, fields);
  }
  return fields;
}

/** A test of one filter, with what it compares folded once for the whole query, not once per article. */
function filterTest(filter: Filter): (article: ArticleSummary) => boolean {
  const asked =
    filter.kind === 'site' || filter.kind === 'author' ? { ...filter, value: fold(filter.value) } : filter;
  return (article) => filterHolds(article, asked);
}

/** Whether an article satisfies one filter; a `site:` or `author:` value comes folded (filterTest). */
function filterHolds(article: ArticleSummary, filter: Filter): boolean {
  switch (filter.kind) {
    case 'tag':
      return article.tags.some((tag) => tagWithin(tag, filter.name));
    case 'no-tag':
      return article.tags.length === 0;
    case 'is':
      switch (filter.value) {
        case 'inbox':
          return article.status === 'inbox';
        case 'archived':
          return article.status === 'archived';
        case 'favorite':
          return article.favorite;
        case 'read':
          return isRead(article);
        case 'unread':
          return !isRead(article);
        case 'trashed':
          return article.trashedAt !== null;
      }
      return false;
    case 'has':
      return filter.value === 'highlights' ? article.highlightCount > 0 : article.hasNote;
    case 'site':
      return folded(article).site.includes(filter.value);
    case 'author':
      return folded(article).byline.includes(filter.value);
    case 'lang':
      return (article.lang ?? '').toLowerCase().startsWith(filter.value.toLowerCase());
    case 'added':
      return inRange(article.addedAt, filter);
    case 'published':
      return inRange(article.published, filter);
    case 'words':
      return (
        (filter.min === null || article.wordCount >= filter.min) &&
        (filter.max === null || article.wordCount <= filter.max)
      );
  }
}

/** Whether the query looks in the trash: only when it asks for is:trashed. */
export function searchesTrash(query: SearchQuery): boolean {
  return query.filters.some((f) => f.kind === 'is' && f.value === 'trashed' && !f.negate);
}

/** Whether an article satisfies every filter of a query; made once per query. */
export function filtersMatcher(filters: readonly Filter[]): (article: ArticleSummary) => boolean {
  const tests = filters.map((filter) => ({ holds: filterTest(filter), negate: filter.negate }));
  return (article) => tests.every(({ holds, negate }) => holds(article) !== negate);
}

function containsSequence(tokens: readonly string[], words: readonly string[]): boolean {
  outer: for (let i = 0; i + words.length <= tokens.length; i++) {
    for (let j = 0; j < words.length; j++) if (tokens[i + j] !== words[j]) continue outer;
    return true;
  }
  return false;
}

function termHolds(term: Term, fields: readonly string[][]): boolean {
  if (term.kind === 'phrase') return fields.some((tokens) => containsSequence(tokens, term.words));
  if (term.prefix) return fields.some((tokens) => tokens.some((t) => t.startsWith(term.text)));
  return fields.some((tokens) => tokens.includes(term.text));
}

/** Tokenizes a document's fields once for termsHold. */
export function fieldTokens(fields: readonly string[]): string[][] {
  return fields.map((field) => tokenize(field));
}

/** Whether a document's words satisfy every word and phrase of the query. */
export function termsHold(terms: readonly Term[], fields: readonly string[][]): boolean {
  return terms.every((term) => termHolds(term, fields) !== term.negate);
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareBy(key: Sort['key']): (a: ArticleSummary, b: ArticleSummary) => number {
  switch (key) {
    case 'added':
      return (a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0);
    case 'published':
      // Articles without a date sort as the oldest.
      return (a, b) => {
        const x = a.published ?? '';
        const y = b.published ?? '';
        return x < y ? -1 : x > y ? 1 : 0;
      };
    case 'title':
      return (a, b) => collator.compare(a.title, b.title);
    case 'words':
      return (a, b) => a.wordCount - b.wordCount;
    case 'progress':
      return (a, b) => a.progress - b.progress;
  }
}

/** Sorts `articles` newest first, in place. */
export function newestFirst(articles: ArticleSummary[]): ArticleSummary[] {
  const byAdded = compareBy('added');
  return articles.sort((a, b) => -byAdded(a, b));
}

/**
 * Orders results, given newest first (newestFirst): by the query's sort
 * when it has one; otherwise, when it has words, titles holding more of
 * them first; then newest first. A relevance is a small whole number, so
 * the articles go to one bucket per score in the order given, which keeps
 * them newest first within a score for one pass over them, where a sort
 * of ten thousand took most of a search's time.
 */
export function sortArticles(
  articles: ArticleSummary[],
  sort: Sort | null,
  relevance: ((article: ArticleSummary) => number) | null,
): ArticleSummary[] {
  if (sort) {
    const byAdded = compareBy('added');
    const compare = compareBy(sort.key);
    const sign = sort.direction === 'asc' ? 1 : -1;
    return articles.sort((a, b) => sign * compare(a, b) || -byAdded(a, b));
  }
  if (!relevance) return articles;
  const byScore: ArticleSummary[][] = [];
  for (const article of articles) (byScore[relevance(article)] ??= []).push(article);
  const sorted: ArticleSummary[] = [];
  for (let score = byScore.length - 1; score >= 0; score--) {
    for (const article of byScore[score] ?? []) sorted.push(article);
  }
  return sorted;
}
