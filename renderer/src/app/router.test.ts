import { describe, expect, it } from 'vitest';
import {
  articleHref,
  HIGHLIGHTS_HREF,
  listHref,
  parseRoute,
  Router,
  searchOf,
  tagHref,
  type HashWindow,
} from './router.svelte';

interface Entry {
  hash: string;
  state: unknown;
}

/**
 * A window whose history behaves like a browser's: setting the hash pushes
 * an entry and fires hashchange, back() returns to the previous entry (and
 * fires hashchange), replaceState changes the current entry in place. A
 * reload is a new Router over the same window.
 */
function fakeWindow(hash: string) {
  const listeners: (() => void)[] = [];
  const entries: Entry[] = [{ hash, state: null }];
  let at = 0;
  const fire = () => listeners.forEach((listener) => listener());
  const current = () => entries[at] as Entry;
  const win: HashWindow = {
    location: {
      get hash() {
        return current().hash;
      },
      set hash(value: string) {
        entries.splice(at + 1, Infinity, { hash: value.startsWith('#') ? value : `#${value}`, state: null });
        at += 1;
        fire();
      },
    },
    history: {
      scrollRestoration: 'auto',
      get state() {
        return current().state;
      },
      back() {
        if (at === 0) return;
        at -= 1;
        fire();
      },
      replaceState(state: unknown, _unused: string, url?: string | URL | null) {
        entries[at] = { hash: typeof url === 'string' ? url : current().hash, state };
      },
    },
    addEventListener: ((_type: string, listener: () => void) =>
      listeners.push(listener)) as Window['addEventListener'],
  };
  return { win, reload: () => ((listeners.length = 0), new Router(win)) };
}

describe('parseRoute', () => {
  it.each([
    ['', { name: 'library', list: 'inbox' }],
    ['#/archive', { name: 'library', list: 'archive' }],
    ['#/archive?q=sea', { name: 'library', list: 'archive' }],
    ['#/nowhere', { name: 'library', list: 'inbox' }],
    ['#/tag/to%20read', { name: 'tag', tag: 'to read' }],
    ['#/tag/%E0%A4', { name: 'library', list: 'inbox' }],
    ['#/highlights', { name: 'highlights' }],
    ['#/settings', { name: 'settings' }],
    ['#/article/a1/highlight/h2', { name: 'article', id: 'a1', highlight: 'h2' }],
  ])('reads %j', (hash, route) => expect(parseRoute(hash)).toEqual(route));

  it.each([
    ['#/', ''],
    ['#/tag/work?q=the%20sea', 'the sea'],
    ['#/?q=a%26b', 'a&b'],
    ['#/?q=the+sea', 'the sea'],
    ['#/?q=%E0%A4', ''],
  ])('reads the search of %j', (hash, text) => expect(searchOf(hash)).toBe(text));
});

describe('Router', () => {
  it('goes back from an article to the list it was opened from, and remembers the article', () => {
    const { win } = fakeWindow('#/archive');
    const router = new Router(win);
    router.go(tagHref('work'));
    router.openArticle('a1');
    expect(router.route).toEqual({ name: 'article', id: 'a1', highlight: null });
    expect(router.backRoute).toEqual({ name: 'tag', tag: 'work' });
    router.back();
    expect(router.route).toEqual({ name: 'tag', tag: 'work' });
    expect(router.lastArticleId).toBe('a1');
    router.back();
    expect(router.route).toEqual({ name: 'library', list: 'archive' });
  });

  it('leads out of Highlights and out of an article opened from it, one step at a time', () => {
    const { win } = fakeWindow('#/favorites');
    const router = new Router(win);
    router.openHighlights();
    router.openArticle('a1', 'h1');
    expect(router.backRoute).toEqual({ name: 'highlights' });
    router.back();
    expect(router.route).toEqual({ name: 'highlights' });
    expect(router.backRoute).toEqual({ name: 'library', list: 'favorites' });
    router.back();
    expect(router.route).toEqual({ name: 'library', list: 'favorites' });
  });

  it('goes up to the inbox from a place opened with nothing behind it, without leaving the app', () => {
    const { win } = fakeWindow(HIGHLIGHTS_HREF);
    const router = new Router(win);
    expect(router.backRoute).toEqual({ name: 'library', list: 'inbox' });
    router.back();
    expect(router.route).toEqual({ name: 'library', list: 'inbox' });
    expect(win.location.hash).toBe(listHref('inbox'));
    router.back();
    expect(router.route).toEqual({ name: 'library', list: 'inbox' });
  });

  it('keeps Back after a reload, from the depth stored in the history entry', () => {
    const { win, reload } = fakeWindow('#/archive');
    new Router(win).openArticle('a1');
    const reloaded = reload();
    expect(reloaded.route).toEqual({ name: 'article', id: 'a1', highlight: null });
    expect(reloaded.backRoute).toEqual({ name: 'library', list: 'archive' });
    reloaded.back();
    expect(reloaded.route).toEqual({ name: 'library', list: 'archive' });
  });

  it('steps from article to article in place, so Back returns to the list', () => {
    const { win } = fakeWindow('#/');
    const router = new Router(win);
    router.openArticle('a1');
    router.stepToArticle('a2');
    router.stepToArticle('a3');
    expect(win.location.hash).toBe(articleHref('a3'));
    router.back();
    expect(router.route).toEqual({ name: 'library', list: 'inbox' });
    expect(router.lastArticleId).toBe('a3');
  });

  it('leaves the scroll position to the views when going back', () => {
    const { win } = fakeWindow('#/');
    new Router(win);
    expect(win.history.scrollRestoration).toBe('manual');
  });

  it('follows the browser’s own back and forward', () => {
    const { win } = fakeWindow('#/');
    const router = new Router(win);
    router.openArticle('a1');
    win.history.back();
    expect(router.route).toEqual({ name: 'library', list: 'inbox' });
    router.back();
    expect(router.route).toEqual({ name: 'library', list: 'inbox' });
  });

  it('keeps the search in the address without adding history, and reads it back on reload', () => {
    const { win, reload } = fakeWindow('#/tag/work');
    const router = new Router(win);
    router.setSearch('the');
    router.setSearch('the sea');
    expect(win.location.hash).toBe('#/tag/work?q=the%20sea');
    const reloaded = reload();
    expect(reloaded.search).toBe('the sea');
    reloaded.openArticle('a1');
    reloaded.back();
    expect(reloaded.search).toBe('the sea');
    expect(reloaded.route).toEqual({ name: 'tag', tag: 'work' });
    reloaded.setSearch('');
    expect(win.location.hash).toBe('#/tag/work');
  });

  it('goes back from Settings opened at start to the inbox, not to Settings', () => {
    const router = new Router(fakeWindow('#/settings').win);
    expect(router.route).toEqual({ name: 'settings' });
    router.back();
    expect(router.route).toEqual({ name: 'library', list: 'inbox' });
  });
});
