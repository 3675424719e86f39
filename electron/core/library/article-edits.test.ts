import { describe, expect, it } from 'vitest';
import { articleMeta } from '../../shared/testing/article-meta';
import { editDetails, extractedDetails, resetDetails, takeExtracted } from './article-edits';

const extracted = {
  title: 'Tides | The Coast Times',
  byline: 'April 28, 2019',
  siteName: null,
  published: null,
};

describe('editDetails', () => {
  it('shows the edit, and keeps what extraction found for a reset', () => {
    const meta = articleMeta(extracted);
    editDetails(meta, { title: 'Tides', byline: 'Ada Lovelace' });
    expect(meta).toMatchObject({ title: 'Tides', byline: 'Ada Lovelace' });
    expect(meta.edited).toEqual({ title: 'Tides', byline: 'Ada Lovelace' });
    expect(meta.extracted).toEqual(extracted);
  });

  it('drops an edit back to the extracted value, and with the last one every trace of editing', () => {
    const meta = articleMeta(extracted);
    editDetails(meta, { title: 'Tides' });
    editDetails(meta, { title: 'Tides | The Coast Times' });
    expect(meta.edited).toBeUndefined();
    expect(meta.extracted).toBeUndefined();
    expect(meta.title).toBe('Tides | The Coast Times');
  });

  it('says when it changes nothing', () => {
    const meta = articleMeta(extracted);
    expect(editDetails(meta, { title: extracted.title })).toBe(false);
    editDetails(meta, { siteName: 'The Coast Times' });
    expect(editDetails(meta, { siteName: 'The Coast Times' })).toBe(false);
  });
});

describe('takeExtracted', () => {
  it('takes a new extraction for the details the person left alone, and keeps their edits over it', () => {
    const meta = articleMeta(extracted);
    editDetails(meta, { title: 'My title for it' });
    takeExtracted(meta, {
      title: 'Tides',
      byline: 'Ada Lovelace',
      siteName: 'The Coast Times',
      published: '2019-04-28',
    });
    expect(meta).toMatchObject({
      title: 'My title for it',
      byline: 'Ada Lovelace',
      siteName: 'The Coast Times',
      published: '2019-04-28',
    });
    expect(extractedDetails(meta).title).toBe('Tides');
  });

  it('forgets an edit the extractor now agrees with', () => {
    const meta = articleMeta(extracted);
    editDetails(meta, { title: 'Tides' });
    takeExtracted(meta, { ...extracted, title: 'Tides' });
    expect(meta.edited).toBeUndefined();
    expect(meta.title).toBe('Tides');
  });
});

describe('resetDetails', () => {
  it('puts the named details back to what extraction found, and keeps the others', () => {
    const meta = articleMeta(extracted);
    editDetails(meta, { title: 'Tides', published: '2020-01-02' });
    resetDetails(meta, ['title']);
    expect(meta).toMatchObject({ title: extracted.title, published: '2020-01-02' });
    resetDetails(meta);
    expect(meta).toMatchObject(extracted);
    expect(meta.edited).toBeUndefined();
    expect(resetDetails(meta)).toBe(false);
  });
});
