import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { articlesArgs } from './articles';

const ID = 'mabcdefghi-12345678';

describe('editArticle arguments', () => {
  it('takes a cleared byline or site as none, and trims what is given', () => {
    const parsed = v.parse(articlesArgs.editArticle, [ID, { byline: '  ', siteName: ' The Coast ' }]);
    expect(parsed[1]).toEqual({ byline: null, siteName: 'The Coast' });
  });

  it('refuses an empty title, a date not written YYYY-MM-DD, and an edit of nothing', () => {
    expect(v.is(articlesArgs.editArticle, [ID, { title: ' ' }])).toBe(false);
    expect(v.is(articlesArgs.editArticle, [ID, { published: '7 Sept 1838' }])).toBe(false);
    expect(v.is(articlesArgs.editArticle, [ID, {}])).toBe(false);
    expect(v.is(articlesArgs.editArticle, [ID, { published: '1838-09-07' }])).toBe(true);
  });
});

describe('restoreVersion arguments', () => {
  it('takes a version folder name and nothing that could lead out of the folder', () => {
    expect(v.is(articlesArgs.restoreVersion, [ID, '2026-12-03T09-56-16-123Z'])).toBe(true);
    expect(v.is(articlesArgs.restoreVersion, [ID, '../../trash'])).toBe(false);
    expect(v.is(articlesArgs.restoreVersion, [ID, '2026-12-03T09-56-16-123Z/..'])).toBe(false);
  });
});
