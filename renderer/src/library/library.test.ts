import type { ArticleSummary } from '@shared/article';
import { describe, expect, it } from 'vitest';
import { failing, fakeClient } from '../testing/fake-client';
import { LibraryState } from './library.svelte';

const article = (id: string, addedAt: string, trashedAt: string | null = null) =>
  ({ id, addedAt, trashedAt }) as ArticleSummary;

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
