import { describe, expect, it } from 'vitest';
import { parseRoute, Router, tagHref, type HashWindow } from './router.svelte';

/** A window whose hash changes like a browser's: setting it fires hashchange. */
function fakeWindow(hash: string): HashWindow {
  const listeners: (() => void)[] = [];
  let current = hash;
  return {
    location: {
      get hash() {
        return current;
      },
      set hash(value: string) {
        current = value.startsWith('#') ? value : `#${value}`;
        for (const listener of listeners) listener();
      },
    },
    addEventListener: ((_type: string, listener: () => void) =>
      listeners.push(listener)) as Window['addEventListener'],
  };
}

describe('parseRoute', () => {
  it.each([
    ['', { name: 'library', list: 'inbox' }],
    ['#/archive', { name: 'library', list: 'archive' }],
    ['#/nowhere', { name: 'library', list: 'inbox' }],
    ['#/tag/to%20read', { name: 'tag', tag: 'to read' }],
    ['#/tag/%E0%A4', { name: 'library', list: 'inbox' }],
    ['#/highlights', { name: 'highlights' }],
    ['#/settings', { name: 'settings' }],
    ['#/article/a1/highlight/h2', { name: 'article', id: 'a1', highlight: 'h2' }],
  ])('reads %j', (hash, route) => expect(parseRoute(hash)).toEqual(route));
});

describe('Router', () => {
  it('goes back from an article to the list it was opened from, and remembers the article', () => {
    const router = new Router(fakeWindow('#/archive'));
    router.go(tagHref('work'));
    router.openArticle('a1');
    expect(router.route).toEqual({ name: 'article', id: 'a1', highlight: null });
    router.backToLibrary();
    expect(router.route).toEqual({ name: 'tag', tag: 'work' });
    expect(router.lastArticleId).toBe('a1');
  });

  it('goes back from Settings opened at start to the inbox, not to Settings', () => {
    const router = new Router(fakeWindow('#/settings'));
    expect(router.route).toEqual({ name: 'settings' });
    router.backToLibrary();
    expect(router.route).toEqual({ name: 'library', list: 'inbox' });
  });
});
