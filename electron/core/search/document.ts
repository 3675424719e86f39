/**
 * What of an article is searchable, as separate fields so a phrase never runs
 * from one into the next: title, byline, site and address, tags, highlights
 * with their notes, the article's note, and the full text.
 */
import type { ArticleMeta } from '../../shared/article';
import { MAX_TERM_LENGTH, tokenize } from '../../shared/search/tokens';
import { htmlText } from './html-text';
import { buildPairFilter } from './pair-filter';

export interface SearchDocument {
  /** The text of each field, in the order above. */
  fields: string[];
}

export function siteText(meta: Pick<ArticleMeta, 'siteName' | 'url'>): string {
  let host = '';
  if (meta.url) {
    try {
      host = new URL(meta.url).hostname;
    } catch {
      // An unparseable address adds nothing to search on.
    }
  }
  return [meta.siteName ?? '', host].join(' ');
}

/** The fields the article's record gives: all but the text. */
export function recordFields(meta: ArticleMeta): string[] {
  return [
    meta.title,
    meta.byline ?? '',
    siteText(meta),
    meta.tags.join(' '),
    meta.highlights.map((h) => `${h.target.selector[0].exact} ${h.note}`).join(' \n '),
    meta.note,
  ];
}

export function searchDocument(meta: ArticleMeta, html: string): SearchDocument {
  return { fields: [...recordFields(meta), htmlText(html)] };
}

/** What the index keeps of a document: every word once (absurdly long tokens left out) and its word pairs. */
export function documentEntry(doc: SearchDocument): { terms: Set<string>; pairs: Uint8Array } {
  const terms = new Set<string>();
  const fields = doc.fields.map((field) => tokenize(field));
  for (const tokens of fields) {
    for (const term of tokens) if (term.length <= MAX_TERM_LENGTH) terms.add(term);
  }
  return { terms, pairs: buildPairFilter(fields) };
}
