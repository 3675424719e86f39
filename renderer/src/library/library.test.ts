import type { ArticleSummary } from '@shared/article';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { failing, fakeClient } from '../testing/fake-client';
import { LibraryState } from './library.svelte';

const article = (id: string, addedAt: string, trashedAt: string | null = null) =>
  ({ id, addedAt, trashedAt }) as ArticleSummary;

afterEach(() => {
  vi.useRealTimers();
});

describe('LibraryState', () => {
  it('loads the library newest first, keeps trashed ones by id, and follows change events', async () => {
    const api = fakeClient({
      listArticles: () => Promise.resolve([article('old', '2024-01-01'), article('new', '2025-01-01')]),
      listTrash: () => Promise.resolve([article('gone', '2024-06-01', '2025-02-01')]),
    });
    const library = new LibraryState(api);
    await library.load();
    expect(library.status).toBe('ready');
    expect(library.articles.map((a) => a.id)).toEqual(['new', 'old']);
    expect(library.byId.has('gone')).toBe(true);

    api.emit({ type: 'library-changed', changed: [article('newest', '2026-01-01')], removed: ['old'] });
    expect(library.articles.map((a) => a.id)).toEqual(['newest', 'new']);
  });

  it('takes a burst of changes in as one step, in order, newest first', async () => {
    vi.useFakeTimers();
    const api = fakeClient({
      listArticles: () => Promise.resolve([article('b', '2024-02-01'), article('a', '2024-01-01')]),
      listTrash: () => Promise.resolve([]),
    });
    const library = new LibraryState(api);
    await library.load();
    let heard = 0;
    library.onChange(() => heard++);

    // A lone change is taken in at once.
    api.emit({ type: 'library-changed', changed: [article('c', '2024-03-01')], removed: [] });
    expect(library.articles.map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(heard).toBe(1);

    // The next ones, coming fast, wait and are taken in together.
    const articlesBefore = library.articles;
    api.emit({ type: 'library-changed', changed: [article('e', '2023-06-01')], removed: [] });
    api.emit({ type: 'library-changed', changed: [article('d', '2024-02-15')], removed: ['a'] });
    api.emit({ type: 'library-changed', changed: [article('b', '2024-02-01', '2025-01-01')], removed: [] });
    api.emit({ type: 'library-changed', changed: [article('a', '2024-01-01')], removed: ['e'] });
    expect(library.articles).toBe(articlesBefore);
    expect(heard).toBe(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(library.articles.map((x) => x.id)).toEqual(['c', 'd', 'a']);
    expect(library.byId.get('b')?.trashedAt).toBe('2025-01-01');
    expect(library.byId.has('e')).toBe(false);
    expect(heard).toBe(2);
  });

  it("keeps the sidebar's counts as articles come, change lists and leave", async () => {
    const summary = (id: string, fields: Partial<ArticleSummary>) =>
      ({
        ...article(id, '2024-01-01'),
        status: 'inbox',
        favorite: false,
        progress: 0,
        ...fields,
      }) as ArticleSummary;
    const api = fakeClient({
      listArticles: () =>
        Promise.resolve([
          summary('a', {}),
          summary('b', { favorite: true }),
          summary('c', { status: 'archive' }),
        ]),
      listTrash: () => Promise.resolve([summary('t', { trashedAt: '2025-01-01' })]),
    });
    const library = new LibraryState(api);
    await library.load();
    expect(library.counts).toEqual({ inbox: 2, unread: 2, favorites: 1, archive: 1, all: 3, trash: 1 });

    api.emit({
      type: 'library-changed',
      changed: [
        summary('b', { status: 'archive' }),
        summary('a', { trashedAt: '2025-02-01' }),
        summary('d', {}),
      ],
      removed: ['t'],
    });
    expect(library.counts).toEqual({ inbox: 1, unread: 1, favorites: 0, archive: 2, all: 3, trash: 1 });
    expect([...library.byId.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('says why the library could not be loaded', async () => {
    const library = new LibraryState(
      fakeClient({
        listArticles: failing('The library is in use by another Lectern.'),
        listTrash: () => Promise.resolve([]),
      }),
    );
    await library.load();
    expect(library.status).toBe('failed');
    expect(library.error).toBe('The library is in use by another Lectern.');
  });
});
