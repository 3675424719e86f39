/**
 * Files built to hurt an importer, one per way a small file can cost
 * minutes or gigabytes: markup that nests without end, a tag that never
 * closes, an element with a crowd of attributes, a page of nearly 100 MB,
 * an EPUB whose chapters unpack to hundreds of megabytes, a PDF whose one
 * content stream inflates a thousandfold, a PDF of twenty thousand pages.
 * The fuzz run (fuzz.test.ts, run.ts) feeds them to the importer, and so
 * can a measurement; sizes are parameters so a CI run stays cheap.
 */
import { deflateSync } from 'node:zlib';
import type { FileInput } from '../../../shared/api';
import { epubBytes } from '../fixtures/epub';
import { pdfBytes, pdfWithDeflatedContent } from '../fixtures/pdf';

const encode = (text: string) => new TextEncoder().encode(text);

const PARAGRAPH = '<p>The harbour wakes early, and the boats go out before the tide turns.</p>\n';

function html(name: string, body: string): FileInput {
  return { name, type: 'text/html', bytes: encode(`<!doctype html><html><body>${body}</body></html>`) };
}

/** `<div/>` repeated: HTML ignores the slash on a div, so each one opens a level. */
export function selfClosingDivs(count = 100_000): FileInput {
  return html('divs.html', `${PARAGRAPH}${'<div/>'.repeat(count)}`);
}

/** `<a` and then a megabyte of letters: a tag that never ends. */
export function unendingTag(length = 1024 * 1024): FileInput {
  return html('unending-tag.html', `${PARAGRAPH}<a${'x'.repeat(length)}`);
}

/** One element carrying a crowd of attributes. */
export function crowdedElement(attributes = 200_000): FileInput {
  const list = Array.from({ length: attributes }, (_, i) => `a${i}="${i}"`).join(' ');
  return html('attributes.html', `<div ${list}>${PARAGRAPH}</div>`);
}

/** A page of ordinary paragraphs, just under the 100 MB import limit. */
export function hugePage(bytes = 99 * 1024 * 1024): FileInput {
  return html('huge-page.html', PARAGRAPH.repeat(Math.floor(bytes / PARAGRAPH.length)));
}

/** An EPUB whose chapters each unpack to `chapterBytes` of text, compressed a few hundredfold. */
export function unpackingEpub(chapters = 8, chapterBytes = 30 * 1024 * 1024): FileInput {
  const body = PARAGRAPH.repeat(Math.floor(chapterBytes / PARAGRAPH.length));
  return {
    name: 'unpacking.epub',
    type: 'application/epub+zip',
    bytes: epubBytes({
      title: 'Unpacking',
      chapters: Array.from({ length: chapters }, (_, i) => ({ file: `c${i}.xhtml`, body })),
    }),
  };
}

/** A one-page PDF whose deflated content stream draws the same line until it reaches `bytes`. */
export function inflatingPdf(bytes = 256 * 1024 * 1024): FileInput {
  const content = Buffer.alloc(bytes, 'BT /F1 12 Tf 72 700 Td (The harbour wakes early) Tj ET\n');
  return {
    name: 'inflating.pdf',
    type: 'application/pdf',
    bytes: pdfWithDeflatedContent(deflateSync(content, { level: 9 })),
  };
}

/** A PDF of many pages, a line of text on each. */
export function manyPagePdf(pages = 20_000): FileInput {
  return {
    name: 'many-pages.pdf',
    type: 'application/pdf',
    bytes: pdfBytes(
      Array.from({ length: pages }, (_, i) => [
        { text: `Page ${i + 1}: the harbour wakes early.`, size: 12, y: 700 },
      ]),
    ),
  };
}
