/**
 * Where the window is, and the way back: one history for every view.
 *
 * The address's hash names the place, so the browser shell's reload keeps
 * it: `#/` is the inbox, `#/favorites`, `#/archive`, `#/all`, `#/trash`,
 * `#/tag/<name>` and `#/view/<name>` the other lists, `#/highlights` every
 * highlight in the library, `#/article/<id>` the reader (`/highlight/<id>`
 * opens it at that highlight), `#/settings` the Settings page; `?q=<text>`
 * after a list is its search.
 *
 * The history is the window's own (so the browser's buttons and the app's
 * Back agree); each entry's history state records how deep into the app it
 * is, which survives a reload. Back with nothing behind it goes up to the
 * place's parent instead of leaving the app, so no view is a dead end.
 * Stepping from article to article replaces the entry, so Back from the
 * reader returns to the list however far one read through it.
 */
export type ListKind = 'inbox' | 'favorites' | 'archive' | 'all' | 'trash';

export type Route =
  | { name: 'library'; list: ListKind }
  | { name: 'tag'; tag: string }
  | { name: 'view'; view: string }
  | { name: 'highlights' }
  | { name: 'settings' }
  | { name: 'article'; id: string; highlight: string | null };

const LISTS: ListKind[] = ['inbox', 'favorites', 'archive', 'all', 'trash'];

/** The place a hash names; a search after `?` is read by searchOf. */
export function parseRoute(hash: string): Route {
  const path = hash.split('?')[0] as string;
  if (path === '#/highlights') return { name: 'highlights' };
  if (path === SETTINGS_HREF) return { name: 'settings' };
  const article = /^#\/article\/([0-9a-z-]+)(?:\/highlight\/([0-9a-z-]+))?$/.exec(path);
  if (article) return { name: 'article', id: article[1] as string, highlight: article[2] ?? null };
  const named = /^#\/(tag|view)\/(.+)$/.exec(path);
  if (named) {
    let value: string;
    try {
      value = decodeURIComponent(named[2] as string);
    } catch {
      return { name: 'library', list: 'inbox' };
    }
    return named[1] === 'tag' ? { name: 'tag', tag: value } : { name: 'view', view: value };
  }
  const list = /^#\/([a-z]+)$/.exec(path)?.[1] as ListKind | undefined;
  return { name: 'library', list: list && LISTS.includes(list) ? list : 'inbox' };
}

/** The search text a hash carries (`?q=`), or ''. */
export function searchOf(hash: string): string {
  const value = /[?&]q=([^&]*)/.exec(hash)?.[1];
  if (!value) return '';
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return '';
  }
}

export function articleHref(id: string, highlight?: string): string {
  return highlight ? `#/article/${id}/highlight/${highlight}` : `#/article/${id}`;
}

export function listHref(list: ListKind): string {
  return list === 'inbox' ? '#/' : `#/${list}`;
}

export function tagHref(tag: string): string {
  return `#/tag/${encodeURIComponent(tag)}`;
}

export function viewHref(view: string): string {
  return `#/view/${encodeURIComponent(view)}`;
}

export const HIGHLIGHTS_HREF = '#/highlights';
export const SETTINGS_HREF = '#/settings';

/** Where Back goes from a place with nothing behind it: every view's parent is the inbox. */
function parentHref(route: Route): string | null {
  return route.name === 'library' && route.list === 'inbox' ? null : listHref('inbox');
}

/** What the router keeps in each history entry: how many entries of the app are behind it, and the address of the one just behind. */
interface EntryState {
  lecternDepth: number;
  lecternBack: string | null;
}

function entryState(state: unknown): EntryState | null {
  const entry = state as Partial<EntryState> | null;
  return typeof entry?.lecternDepth === 'number'
    ? { lecternDepth: entry.lecternDepth, lecternBack: entry.lecternBack ?? null }
    : null;
}

/** The part of the window the router reads and writes: its address's hash, its history and hashchange. */
export type HashWindow = Pick<Window, 'addEventListener'> & {
  location: Pick<Location, 'hash'>;
  history: Pick<History, 'state' | 'back' | 'replaceState' | 'scrollRestoration'>;
};

export class Router {
  route = $state<Route>({ name: 'library', list: 'inbox' });
  /** The open list's search, as the address carries it. */
  search = $state('');
  /** The place Back goes to. */
  backRoute = $state<Route | null>(null);
  /** The article last left, so the library can put focus back on its row. */
  lastArticleId = $state<string | null>(null);
  readonly #win: HashWindow;
  #entry: EntryState = { lecternDepth: 0, lecternBack: null };
  /** The address shown, kept because a hashchange has already replaced it when it arrives. */
  #here = '#/';

  constructor(win: HashWindow) {
    this.#win = win;
    // Going back through the history must not scroll the window by itself:
    // the reader saves its place as it is left, and keeps it by text position.
    win.history.scrollRestoration = 'manual';
    this.#entry = entryState(win.history.state) ?? { lecternDepth: 0, lecternBack: null };
    this.#remember();
    this.#show(win.location.hash);
    win.addEventListener('hashchange', () => this.#arrived());
  }

  /** A new address: one of the history's entries (browser back or forward), or a new one pushed after this. */
  #arrived(): void {
    const known = entryState(this.#win.history.state);
    if (known) {
      this.#entry = known;
    } else {
      this.#entry = { lecternDepth: this.#entry.lecternDepth + 1, lecternBack: this.#here };
      this.#remember();
    }
    this.#show(this.#win.location.hash);
  }

  #remember(href?: string): void {
    const state = { ...(this.#win.history.state as object | null), ...this.#entry };
    if (href === undefined) this.#win.history.replaceState(state, '');
    else this.#win.history.replaceState(state, '', href);
  }

  #show(hash: string): void {
    this.#here = hash || '#/';
    if (this.route.name === 'article') this.lastArticleId = this.route.id;
    this.route = parseRoute(hash);
    this.search = searchOf(hash);
    const back = this.#entry.lecternBack ?? parentHref(this.route);
    this.backRoute = back === null ? null : parseRoute(back);
  }

  /** Goes to `href`, a new entry in the history. */
  go(href: string): void {
    this.#win.location.hash = href.slice(1);
  }

  /** Shows `href` in place of the current entry, keeping what is behind it. */
  replace(href: string): void {
    this.#remember(href);
    this.#show(href);
  }

  openArticle(id: string, highlight?: string): void {
    this.go(articleHref(id, highlight));
  }

  /** Steps to another article of the same list, so Back still leads to the list. */
  stepToArticle(id: string): void {
    this.replace(articleHref(id));
  }

  openHighlights(): void {
    this.go(HIGHLIGHTS_HREF);
  }

  /** Back one place: the history's previous entry, or up to the parent when the app has none behind. */
  back(): void {
    if (this.#entry.lecternDepth > 0) {
      this.#win.history.back();
      return;
    }
    const parent = parentHref(this.route);
    if (parent !== null) this.replace(parent);
  }

  /** Keeps the search in the address without a new entry per key typed. */
  setSearch(text: string): void {
    if (text === this.search) return;
    const path = this.#here.split('?')[0] as string;
    const href = text ? `${path}?q=${encodeURIComponent(text)}` : path;
    this.#remember(href);
    this.#here = href;
    this.search = text;
  }
}
