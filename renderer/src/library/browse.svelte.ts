/**
 * The article list on screen: which list or tag or saved view is open (from
 * the route), what is typed in the search field and the chosen order, made
 * into one query for the backend's search; its results; the selection; and
 * the snippets of the rows in sight.
 *
 * The list's own query comes first and the typed text last, so the text's
 * last word is matched as a prefix while typing and a typed sort: wins over
 * the order menu. Answers that arrive out of order are dropped.
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- each Map and Set is a $state.raw value replaced whole, or bookkeeping nothing renders */
import type { SearchResult, SnippetPart } from '@shared/api';
import type { ArticleSummary } from '@shared/article';
import { highlightTerms, parseQuery, type SortKey } from '@shared/search/query';
import type { LecternClient } from '@shared/api';
import { errorMessage } from '@shared/errors';
import type { Route } from '../app/router.svelte';
import { afterNextPaint } from '../ui/after-paint';
import { errorNotice, type Notices } from '../ui/notices.svelte';
import type { LibraryState } from './library.svelte';
import { withSort, type SortChoice } from './query-sort';
import type { SidebarState } from './sidebar.svelte';

export const SORT_LABELS: Record<SortChoice, string> = {
  relevance: 'Best match',
  added: 'Date added',
  published: 'Date published',
  title: 'Title',
  words: 'Length',
  progress: 'Progress',
};

function quoted(value: string): string {
  return /[\s"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value;
}

/** The query that lists what a route shows, before anything is typed. */
export function routeQuery(route: Route, views: { name: string; query: string }[]): string {
  switch (route.name) {
    case 'tag':
      return `tag:${quoted(route.tag)}`;
    case 'view':
      return views.find((view) => view.name === route.view)?.query ?? '';
    case 'library':
      return {
        inbox: 'is:inbox',
        favorites: 'is:favorite',
        archive: 'is:archived',
        all: '',
        trash: 'is:trashed',
      }[route.list];
    default:
      return '';
  }
}

export function routeTitle(route: Route): string {
  switch (route.name) {
    case 'tag':
      return route.tag;
    case 'view':
      return route.view;
    case 'library':
      return {
        inbox: 'Inbox',
        favorites: 'Favorites',
        archive: 'Archive',
        all: 'All articles',
        trash: 'Trash',
      }[route.list];
    default:
      return '';
  }
}

const SNIPPET_BATCH = 60;

/** What the list reads from the rest of the window. */
export interface BrowseDeps {
  api: LecternClient;
  library: Pick<LibraryState, 'status' | 'byId'>;
  router: { readonly route: Route; readonly search: string; setSearch(text: string): void };
  sidebar: Pick<SidebarState, 'views'>;
  notices: Pick<Notices, 'show'>;
}

export class BrowseState {
  readonly #api: LecternClient;
  readonly #deps: BrowseDeps;
  /** The order chosen from the sort menu; null until one is (a typed sort: lives in the text). */
  #chosenSort = $state<SortKey | null>(null);
  result = $state.raw<SearchResult | null>(null);
  snippets = $state.raw(new Map<string, SnippetPart[]>());
  selected = $state.raw(new Set<string>());
  #anchor: string | null = null;
  #sequence = 0;
  #snippetQuery = '';
  #snippetsAsked = new Set<string>();
  #firstRowsShown: () => void = () => undefined;
  /** Resolves once the first answer's rows have been painted (or the first search failed). */
  readonly firstRowsShown = new Promise<void>((resolve) => {
    this.#firstRowsShown = resolve;
  });

  constructor(deps: BrowseDeps) {
    this.#deps = deps;
    this.#api = deps.api;
  }

  /** What is typed in the search field; the address keeps it, so a reload or Back returns to the same search. */
  get text(): string {
    return this.#deps.router.search;
  }

  set text(value: string) {
    this.#deps.router.setSearch(value);
  }

  // Through functions: the dependencies are set by the constructor, after the fields.
  readonly scope = $derived.by(() => routeQuery(this.#deps.router.route, this.#deps.sidebar.views));
  readonly inTrash = $derived.by(() => {
    const route = this.#deps.router.route;
    return route.name === 'library' && route.list === 'trash';
  });
  readonly query = $derived(
    [this.scope, this.#chosenSort ? `sort:${this.#chosenSort}` : '', this.text]
      .filter((part) => part.trim())
      .join(' '),
  );
  readonly #parsed = $derived(parseQuery(this.query));
  /** Whether the query holds words to rank by, so "Best match" is an order the list can be in. */
  readonly ranksByWords = $derived(this.#parsed.terms.some((term) => !term.negate));
  /** The saved view's own query while one is open, shown so the person sees what it searches. */
  readonly viewQuery = $derived.by(() => (this.#deps.router.route.name === 'view' ? this.scope : null));

  /** The order the list is in, as the whole query says: its last sort:, else best match for words, else newest. */
  get sort(): SortChoice {
    return this.#parsed.sort?.key ?? (this.ranksByWords ? 'relevance' : 'added');
  }

  /** Orders the list; a sort: typed in the search field is rewritten to match, so the two never disagree. */
  set sort(choice: SortChoice) {
    if (parseQuery(this.text).sort) this.text = withSort(this.text, choice);
    this.#chosenSort = choice === 'relevance' ? null : choice;
  }
  /** Whether the typed text holds words, so rows show snippets rather than excerpts. */
  readonly hasWords = $derived.by(() => {
    const terms = highlightTerms(parseQuery(this.text));
    return terms.words.length + terms.prefixes.length > 0;
  });
  /**
   * The result's articles. Until the window has every summary (just after it
   * opens), the result's own first summaries are shown, so rows appear at once.
   */
  readonly rows = $derived.by(() => {
    const result = this.result;
    if (!result) return [];
    if (this.#deps.library.status !== 'ready') return result.first;
    const out: ArticleSummary[] = [];
    for (const id of result.ids) {
      const article = this.#deps.library.byId.get(id);
      if (article) out.push(article);
    }
    return out;
  });
  /** How many articles the result holds, known before every row can be shown. */
  readonly total = $derived(this.result?.ids.length ?? 0);
  /** Said beside a typed search while the index still lacks articles, so a short answer is not taken as final. */
  readonly indexingNote = $derived.by(() => {
    const result = this.result;
    if (!result || result.complete || !this.text.trim()) return null;
    const articles = result.indexing === 1 ? 'article' : 'articles';
    return `Still indexing ${result.indexing.toLocaleString('en')} ${articles} — results may be incomplete.`;
  });

  /** Runs the current query; a later call's answer always wins. */
  async refresh(): Promise<void> {
    const query = this.query;
    const sequence = ++this.#sequence;
    let result: SearchResult;
    try {
      result = await this.#api.search(query);
    } catch (error) {
      result = {
        ids: [],
        first: [],
        ignored: [errorMessage(error)],
        indexed: false,
        complete: true,
        indexing: 0,
      };
    }
    if (sequence !== this.#sequence) return;
    this.result = result;
    afterNextPaint(this.#firstRowsShown);
    if (query !== this.#snippetQuery) {
      this.#snippetQuery = query;
      this.#snippetsAsked = new Set();
      this.snippets = new Map();
    }
    const present = new Set(result.ids);
    if ([...this.selected].some((id) => !present.has(id))) {
      this.selected = new Set([...this.selected].filter((id) => present.has(id)));
    }
  }

  /** Fetches snippets for rows coming into sight that do not have one yet. */
  async loadSnippets(ids: string[]): Promise<void> {
    if (!this.hasWords) return;
    const query = this.#snippetQuery;
    const wanted = ids.filter((id) => !this.#snippetsAsked.has(id)).slice(0, SNIPPET_BATCH);
    if (wanted.length === 0) return;
    for (const id of wanted) this.#snippetsAsked.add(id);
    let found: Record<string, SnippetPart[]>;
    try {
      found = await this.#api.searchSnippets(this.text, wanted);
    } catch (error) {
      // Not asked again for this query: scrolling would repeat the notice.
      this.#deps.notices.show(errorNotice('The matching passages could not be shown', error));
      return;
    }
    if (query !== this.#snippetQuery) return;
    this.snippets = new Map([...this.snippets, ...Object.entries(found)]);
  }

  /** Click: select one; toggle: add or remove one (Ctrl/Cmd); range: from the last clicked (Shift). */
  select(id: string, how: 'one' | 'toggle' | 'range'): void {
    if (how === 'range' && this.#anchor) {
      // The result's ids, not the rows: they are complete even before every summary has arrived.
      const ids = this.result?.ids ?? [];
      const from = ids.indexOf(this.#anchor);
      const to = ids.indexOf(id);
      if (from >= 0 && to >= 0) {
        const [lo, hi] = from < to ? [from, to] : [to, from];
        this.selected = new Set([...this.selected, ...ids.slice(lo, hi + 1)]);
        return;
      }
    }
    if (how === 'toggle' || how === 'range') {
      this.selected = this.selected.has(id)
        ? new Set([...this.selected].filter((other) => other !== id))
        : new Set([...this.selected, id]);
    } else {
      this.selected = new Set([id]);
    }
    this.#anchor = id;
  }

  selectAll(): void {
    this.selected = new Set(this.result?.ids ?? []);
  }

  clearSelection(): void {
    this.selected = new Set();
    this.#anchor = null;
  }
}
