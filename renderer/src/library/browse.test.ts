import type { SearchResult } from '@shared/api';
import type { ArticleSummary } from '@shared/article';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Route } from '../app/router.svelte';
import { failing, fakeClient } from '../testing/fake-client';
import { Notices } from '../ui/notices.svelte';
import { BrowseState, type BrowseDeps } from './browse.svelte';

function setup(
  methods: Parameters<typeof fakeClient>[0],
  route: Route = { name: 'library', list: 'inbox' },
  views: BrowseDeps['sidebar']['views'] = [],
) {
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
    sidebar: { views },
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

  it('shows the order the query is in, and rewrites a typed sort: when another is chosen', async () => {
    const search = vi.fn(() => Promise.resolve(found));
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const { browse } = setup({ search });
    expect(browse.sort).toBe('added');
    browse.text = 'loaf';
    expect(browse.sort).toBe('relevance');
    browse.text = 'loaf sort:title';
    expect(browse.sort).toBe('title');
    browse.sort = 'words';
    expect(browse.text).toBe('loaf sort:words');
    await browse.refresh();
    expect(search).toHaveBeenLastCalledWith('is:inbox sort:words loaf sort:words');
    browse.sort = 'relevance';
    expect(browse.text).toBe('loaf ');
    expect(browse.sort).toBe('relevance');
    await browse.refresh();
    expect(search).toHaveBeenLastCalledWith('is:inbox loaf ');
  });

  it('shows an open saved view its own query, and no other list one', () => {
    const view = { name: 'Baking notes', query: 'loaf crumb sort:title', count: 1 };
    const { browse } = setup({}, { name: 'view', view: 'Baking notes' }, [view]);
    expect(browse.viewQuery).toBe(view.query);
    const other = setup({}, { name: 'library', list: 'all' }).browse;
    expect(other.viewQuery).toBeNull();
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
