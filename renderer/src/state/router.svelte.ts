/**
 * Hash routes, so the browser shell's back button and reloads keep the place:
 * `#/` is the library, `#/article/<id>` the reader (`/highlight/<id>` opens
 * it at that highlight), `#/highlights` every highlight in the library.
 */
export type Route =
  { name: 'library' } | { name: 'highlights' } | { name: 'article'; id: string; highlight: string | null };

export function parseRoute(hash: string): Route {
  if (hash === '#/highlights') return { name: 'highlights' };
  const match = /^#\/article\/([0-9a-z-]+)(?:\/highlight\/([0-9a-z-]+))?$/.exec(hash);
  return match
    ? { name: 'article', id: match[1] as string, highlight: match[2] ?? null }
    : { name: 'library' };
}

export function articleHref(id: string, highlight?: string): string {
  return highlight ? `#/article/${id}/highlight/${highlight}` : `#/article/${id}`;
}

class Router {
  route = $state<Route>(parseRoute(location.hash));
  /** The article last left, so the library can put focus back on its row. */
  lastArticleId = $state<string | null>(null);

  constructor() {
    window.addEventListener('hashchange', () => {
      if (this.route.name === 'article') this.lastArticleId = this.route.id;
      this.route = parseRoute(location.hash);
    });
  }

  openArticle(id: string, highlight?: string): void {
    location.hash = articleHref(id, highlight).slice(1);
  }

  openHighlights(): void {
    location.hash = '/highlights';
  }

  backToLibrary(): void {
    location.hash = '/';
  }
}

export const router = new Router();
