/**
 * Ready-made article records for tests and benchmarks, so each one spells out
 * only the fields it is about. Plain data, importable from every layer (the
 * renderer's tests included), which is why it lives in shared.
 */
import type { ArticleMeta } from '../article';

/** The fields an importer works out for an article, as a new article carries them. */
export type ArticleFields = Pick<
  ArticleMeta,
  'title' | 'byline' | 'siteName' | 'url' | 'published' | 'lang' | 'excerpt' | 'wordCount'
>;

/** An English article with no byline, site, address, date or excerpt. */
export function articleFields(title: string, patch: Partial<ArticleFields> = {}): ArticleFields {
  return {
    title,
    byline: null,
    siteName: null,
    url: null,
    published: null,
    lang: 'en',
    excerpt: '',
    wordCount: 1200,
    ...patch,
  };
}

/** A stored, partly read inbox article with no tags, note or highlights. */
export function articleMeta(patch: Partial<ArticleMeta> = {}): ArticleMeta {
  return {
    id: 'a1',
    ...articleFields('Tidal islands'),
    addedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    status: 'inbox',
    favorite: false,
    tags: [],
    progress: 0.25,
    note: '',
    source: { kind: 'html', name: 'tidal.html', sha256: '0', original: 'original.html' },
    highlights: [],
    ...patch,
  };
}
