import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '@shared/article';
import { sourceLabel, trashedPhrase } from './article-meta';

describe('sourceLabel', () => {
  const article = (
    source: Pick<ArticleSummary['source'], 'kind' | 'name'>,
    siteName: string | null = null,
    url: string | null = null,
  ) => ({ siteName, url, source: { ...source, sha256: '', original: 'original.bin' } });

  it.each([
    ['a site name', article({ kind: 'html', name: 'tides.html' }, 'The Tide Times'), 'The Tide Times'],
    [
      'an address',
      article({ kind: 'html', name: 'x' }, null, 'https://www.tides.example/a'),
      'tides.example',
    ],
    ['a PDF with neither', article({ kind: 'pdf', name: 'TIDE TABLES.pdf' }), 'PDF'],
    ['a text file', article({ kind: 'text', name: 'NOTES FROM THE HARBOUR.txt' }), 'Text file'],
    ['pasted text', article({ kind: 'text', name: null }), 'Text clip'],
    ['a clip', article({ kind: 'clip', name: null }), 'Text clip'],
    ['a saved page without an address', article({ kind: 'mhtml', name: 'page.mhtml' }), 'Saved page'],
    ['an e-book', article({ kind: 'epub', name: 'book.epub' }), 'E-book'],
  ])('%s', (_, given, expected) => {
    expect(sourceLabel(given)).toBe(expected);
  });
});

describe('trashedPhrase', () => {
  const now = new Date(2026, 5, 20, 12, 0);
  const at = (month: number, day: number, hour = 12) => new Date(2026, month, day, hour).toISOString();

  it.each([
    ['an hour ago', at(5, 20, 11), 'Deleted today · 30 days left'],
    ['yesterday', at(5, 19), 'Deleted yesterday · 29 days left'],
    ['ten days ago', at(5, 10), /^Deleted .+ · 20 days left$/],
    [
      '29 days and an hour ago',
      new Date(now.getTime() - (29 * 24 + 1) * 3600_000).toISOString(),
      /· last day$/,
    ],
    ['past the 30 days, not yet emptied', at(4, 1), /· last day$/],
  ])('%s', (_, iso, expected) => {
    expect(trashedPhrase(iso, now)).toMatch(expected);
  });
});
