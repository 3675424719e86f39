/**
 * Hash routes, so the browser shell's back button and reloads keep the place:
 * `#/` is the library, `#/article/<id>` the reader.
 */
export type Route = { name: 'library' } | { name: 'article'; id: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/article\/([0-9a-z-]+)$/.exec(hash);
  return match ? { name: 'article', id: match[1] as string } : { name: 'library' };
}

export function articleHref(id: string): string {
  return `#/article/${id}`;
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

  openArticle(id: string): void {
    location.hash = articleHref(id).slice(1);
  }

  backToLibrary(): void {
    location.hash = '/';
  }
}

export const router = new Router();
