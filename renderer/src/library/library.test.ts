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
