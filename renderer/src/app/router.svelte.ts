/**
 * Hash routes, so the browser shell's back button and reloads keep the place:
 * `#/` is the inbox, `#/favorites`, `#/archive`, `#/all`, `#/trash`,
 * `#/tag/<name>` and `#/view/<name>` the other lists, `#/highlights` every
 * highlight in the library, `#/article/<id>` the reader (`/highlight/<id>`
 * opens it at that highlight), `#/settings` the Settings page.
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

export function parseRoute(hash: string): Route {
  if (hash === '#/highlights') return { name: 'highlights' };
  if (hash === SETTINGS_HREF) return { name: 'settings' };
  const article = /^#\/article\/([0-9a-z-]+)(?:\/highlight\/([0-9a-z-]+))?$/.exec(hash);
  if (article) return { name: 'article', id: article[1] as string, highlight: article[2] ?? null };
  const named = /^#\/(tag|view)\/(.+)$/.exec(hash);
  if (named) {
    let value: string;
    try {
      value = decodeURIComponent(named[2] as string);
    } catch {
      return { name: 'library', list: 'inbox' };
    }
    return named[1] === 'tag' ? { name: 'tag', tag: value } : { name: 'view', view: value };
  }
  const list = /^#\/([a-z]+)$/.exec(hash)?.[1] as ListKind | undefined;
  return { name: 'library', list: list && LISTS.includes(list) ? list : 'inbox' };
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

/** Whether a route is a place Back returns to: neither the reader nor Settings, which are left by Back. */
function isList(route: Route): boolean {
  return route.name !== 'article' && route.name !== 'settings';
}

/** The part of the window the router reads and writes: its address's hash and its hashchange event. */
export type HashWindow = Pick<Window, 'addEventListener'> & { location: Pick<Location, 'hash'> };

export class Router {
  route = $state<Route>({ name: 'library', list: 'inbox' });
  /** The article last left, so the library can put focus back on its row. */
  lastArticleId = $state<string | null>(null);
  /** The list the reader was opened from, to return to it. */
  #lastListHash = '#/';
  readonly #location: Pick<Location, 'hash'>;

  constructor(win: HashWindow) {
    this.#location = win.location;
    this.route = parseRoute(win.location.hash);
    win.addEventListener('hashchange', () => {
      if (this.route.name === 'article') this.lastArticleId = this.route.id;
      this.route = parseRoute(this.#location.hash);
      if (isList(this.route)) this.#lastListHash = this.#location.hash || '#/';
    });
    if (isList(this.route)) this.#lastListHash = this.#location.hash || '#/';
  }

  go(href: string): void {
    this.#location.hash = href.slice(1);
  }

  openArticle(id: string, highlight?: string): void {
    this.go(articleHref(id, highlight));
  }

  openHighlights(): void {
    this.go(HIGHLIGHTS_HREF);
  }

  backToLibrary(): void {
    this.go(this.#lastListHash);
  }
}
