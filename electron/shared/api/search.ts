/** Searching the library with the query language of search/query.ts, and saved views. */

/** A piece of a result's snippet; `mark` pieces are matched words. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

import type { ArticleSummary } from '../article';

export interface SearchResult {
  /** Every matching article's id, in the query's order. */
  ids: string[];
  /** The summaries of the first results, so a window can paint them before it has the rest. */
  first: ArticleSummary[];
  /** One sentence per part of the query that was not understood (see parseQuery). */
  ignored: string[];
  /** False while the index is being built or loaded. */
  indexed: boolean;
  /**
   * False when many articles were not yet indexed and were matched only on
   * their title, byline, site, tags and excerpt: the answer may miss some.
   */
  complete: boolean;
  /** How many articles are waiting to be indexed (0 once the index is current). */
  indexing: number;
}

export interface SavedView {
  name: string;
  query: string;
  /** How many articles the query finds now. */
  count: number;
}

export interface SearchApi {
  /** Finds articles; never fails on a malformed query (see `ignored`). Errors: invalid-argument. */
  search(query: string): Promise<SearchResult>;
  /** Snippets with matched words marked, for some of a query's results; ids without a match are left out. Errors: invalid-argument. */
  searchSnippets(query: string, ids: string[]): Promise<Record<string, SnippetPart[]>>;
  /** Saved views with their counts, in the order they were saved. Errors: library-unavailable. */
  listViews(): Promise<SavedView[]>;
  /** Saves a query under a name, replacing a view of the same name. Errors: invalid-argument, library-unavailable. */
  saveView(name: string, query: string): Promise<SavedView[]>;
  /** Removes a saved view. Errors: not-found, library-unavailable. */
  deleteView(name: string): Promise<SavedView[]>;
}

export const SEARCH_METHODS: Record<keyof SearchApi, true> = {
  search: true,
  searchSnippets: true,
  listViews: true,
  saveView: true,
  deleteView: true,
};
