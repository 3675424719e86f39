import type { SearchResult } from '@shared/api';
import type { ArticleSummary } from '@shared/article';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Route } from '../app/router.svelte';
import { failing, fakeClient } from '../testing/fake-client';
import { Notices } from '../ui/notices.svelte';
import { BrowseState } from './browse.svelte';

function setup(methods: Parameters<typeof fakeClient>[0], route: Route = { name: 'library', list: 'inbox' }) {
  const notices = new Notices();
  const browse = new BrowseState({
    api: fakeClient(methods),
    library: { status: 'ready', byId: new Map<string, ArticleSummary>() },
    router: {
      route,
      search: '',
      setSearch(text: string) {
        this.search = text;
      },
    },
    sidebar: { views: [] },
    notices,
  });
  return { notices, browse };
}

const found: SearchResult = {
  ids: ['a1', 'a2'],
  first: [],
  ignored: [],
  indexed: true,
  complete: true,
  indexing: 0,
};

describe('BrowseState', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the open list with the typed text last', async () => {
    const search = vi.fn(() => Promise.resolve(found));
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const { browse } = setup({ search }, { name: 'tag', tag: 'to read' });
    browse.text = 'lisp';
    browse.sort = 'title';
    await browse.refresh();
    expect(search).toHaveBeenCalledWith('tag:"to read" sort:title lisp');
    expect(browse.total).toBe(2);
  });

  it('shows a failed search as an empty answer carrying the reason', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const { browse } = setup({ search: failing('The search index is being rebuilt.') });
    await browse.refresh();
    expect(browse.result).toEqual({
      ids: [],
      first: [],
      ignored: ['The search index is being rebuilt.'],
      indexed: false,
      complete: true,
      indexing: 0,
    });
  });

  it('says how many articles are still being indexed beside a typed search', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const partial = { ...found, complete: false, indexing: 9000 };
    const { browse } = setup({ search: () => Promise.resolve(partial) });
    await browse.refresh();
    expect(browse.indexingNote).toBeNull();
    browse.text = 'lisp';
    await browse.refresh();
    expect(browse.indexingNote).toBe('Still indexing 9,000 articles — results may be incomplete.');
  });

  it('tells the person once when the matching passages cannot be fetched', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const searchSnippets = vi.fn(failing('The backend stopped.'));
    const { notices, browse } = setup({ search: () => Promise.resolve(found), searchSnippets });
    browse.text = 'lisp';
    await browse.refresh();
    await browse.loadSnippets(['a1', 'a2']);
    await browse.loadSnippets(['a1', 'a2']);
    expect(searchSnippets).toHaveBeenCalledTimes(1);
    expect(notices.items).toMatchObject([
      { tone: 'error', title: 'The matching passages could not be shown', lines: ['The backend stopped.'] },
    ]);
    expect(browse.snippets.size).toBe(0);
  });
});
