import { describe, expect, it } from 'vitest';
import type { FileInput } from '../../../shared/api';
import { LecternError } from '../../../shared/errors';
import {
  MAX_ARTICLE_CHARS,
  MAX_ATTRIBUTES_PER_ELEMENT,
  MAX_NESTING,
  MAX_PAGE_CHARS,
  MAX_PDF_STREAM_BYTES,
} from '../../../shared/limits';
import * as bomb from '../fuzz/bombs';
import { prepareFile, prepareText } from './import-file';
import { readPdf } from '../formats/pdf';

async function refusal(file: FileInput): Promise<LecternError> {
  const error = await prepareFile(file).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(LecternError);
  return error as LecternError;
}

const encode = (text: string) => new TextEncoder().encode(text);

describe('the importer refuses files built to exhaust it', () => {
  it('refuses <div/> repeated past the nesting limit', async () => {
    const error = await refusal(bomb.selfClosingDivs(MAX_NESTING + 1));
    expect(error.message).toBe(
      `divs.html nests its markup more than ${MAX_NESTING} levels deep, which no article needs; Lectern did not read it.`,
    );
  });

  it('reads past a tag that never ends', async () => {
    const article = await prepareFile(bomb.unendingTag(64 * 1024));
    expect(article.html).toContain('The harbour wakes early');
  });

  it('refuses an element with too many attributes', async () => {
    const error = await refusal(bomb.crowdedElement(MAX_ATTRIBUTES_PER_ELEMENT + 1));
    expect(error.message).toContain(`has an element with more than ${MAX_ATTRIBUTES_PER_ELEMENT} attributes`);
  });

  it('refuses a page larger than it parses, before parsing it', async () => {
    const page = `<p>${'word '.repeat(MAX_PAGE_CHARS / 5)}</p>`;
    const error = await refusal({ name: 'long.html', type: 'text/html', bytes: encode(page) });
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(
      /^long\.html is a page of 24 MB of markup, more than the 24 MB Lectern reads/,
    );
  });

  it('refuses an article larger than it keeps, before sanitizing it', async () => {
    const html = '<p>A line of notes about the harbour.</p>'.repeat(MAX_ARTICLE_CHARS / 38);
    const error = await prepareText({ text: 'notes', html }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(LecternError);
    expect((error as LecternError).message).toBe(
      'clip.html makes an article of 26 MB, more than the 24 MB Lectern keeps as one article. Nothing was saved.',
    );
  });

  it('refuses an EPUB whose chapters together unpack past the article limit', async () => {
    const error = await refusal(bomb.unpackingEpub(2, MAX_ARTICLE_CHARS / 2 + 1024));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(
      'unpacking.epub unpacks to more than 24 MB of chapters, more than Lectern keeps as one article. Nothing was saved.',
    );
  }, 60_000);

  it('refuses a PDF whose content stream unpacks past the cap, before opening it', async () => {
    const error = await refusal(bomb.inflatingPdf(MAX_PDF_STREAM_BYTES + 1024));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(
      'inflating.pdf holds a stream that unpacks to more than 64 MB, more than Lectern unpacks from one PDF; it looks built to exhaust memory. Nothing was saved.',
    );
  }, 60_000);

  it('reads a deflated PDF below the cap as before', async () => {
    const article = await prepareFile(bomb.inflatingPdf(64 * 1024));
    expect(article.html).toContain('The harbour wakes early');
  });

  it.each([
    [
      'its page limit',
      { maxPages: 3, maxTextChars: 1_000_000, readMs: 60_000 },
      'Lectern kept the first 3 of the 5 pages of many-pages.pdf: it reads at most 3 pages of one PDF.',
    ],
    [
      'its text limit',
      { maxPages: 10, maxTextChars: 50, readMs: 60_000 },
      'Lectern kept the first 2 of the 5 pages of many-pages.pdf: it keeps at most 0 MB',
    ],
    [
      'its time limit',
      { maxPages: 10, maxTextChars: 1e6, readMs: 0 },
      'Lectern kept the first 1 of the 5 pages of many-pages.pdf: reading more would take longer than 0 s.',
    ],
  ])('keeps the first pages of a PDF when it reaches %s, with a note', async (_limit, limits, note) => {
    const pdf = await readPdf(bomb.manyPagePdf(5).bytes, 'many-pages.pdf', limits);
    expect(pdf.html).toContain(note);
  });

  it('keeps no page past the page limit', async () => {
    const limits = { maxPages: 3, maxTextChars: 1_000_000, readMs: 60_000 };
    const pdf = await readPdf(bomb.manyPagePdf(5).bytes, 'many-pages.pdf', limits);
    expect(pdf.html).toContain('Page 3:');
    expect(pdf.html).not.toContain('Page 4:');
  });
});
