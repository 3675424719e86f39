/**
 * What of an article is searchable, as separate fields so a phrase never runs
 * from one into the next: title, byline, site and address, tags, highlights
 * with their notes, the article's note, and the full text.
 */
import type { ArticleMeta } from '../../shared/article';
import { MAX_TERM_LENGTH, tokenize } from '../../shared/search/tokens';
import { htmlText } from './html-text';

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

export function searchDocument(meta: ArticleMeta, html: string): SearchDocument {
  return {
    fields: [
      meta.title,
      meta.byline ?? '',
      siteText(meta),
      meta.tags.join(' '),
      meta.highlights.map((h) => `${h.target.selector[0].exact} ${h.note}`).join(' \n '),
      meta.note,
      htmlText(html),
    ],
  };
}

/** The index's terms for a document: every word once, absurdly long tokens left out. */
export function documentTerms(doc: SearchDocument): Set<string> {
  const terms = new Set<string>();
  for (const field of doc.fields) {
    for (const term of tokenize(field)) if (term.length <= MAX_TERM_LENGTH) terms.add(term);
  }
  return terms;
}
