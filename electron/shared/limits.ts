/**
 * Size limits shared by the renderer (which refuses before reading a file
 * into memory) and the backend (which enforces them for every transport),
 * and the bounds on the work one imported file may cost.
 *
 * A file of up to MAX_IMPORT_BYTES is imported or refused within
 * IMPORT_DEADLINE_MS and about IMPORT_WORKER_MEMORY_MB of memory. Each
 * limit below says what happens at it; every refusal is a LecternError that
 * names the file and the reason, and nothing is saved for it. Most are met
 * early, by counting before the expensive step; the deadline and the memory
 * cap are the backstop for whatever slips past them (the import worker is
 * stopped and replaced, and the next file imports as usual).
 */
import { LecternError } from './errors';

/** Largest file Lectern reads for import. Saved pages and books fit well below it. Over it: refused unread. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/**
 * Largest body of one call over the browser shell's HTTP transport: one file
 * at the import limit plus the frame around it. The renderer sends one import
 * batch at a time, and a file over the import limit is refused before it is read.
 */
export const MAX_REQUEST_BYTES = MAX_IMPORT_BYTES + 1024 * 1024;

/** Largest text clip, in characters. */
export const MAX_TEXT_CHARS = 10 * 1024 * 1024;

export function fileTooLarge(name: string, size: number): LecternError {
  return new LecternError(
    'too-large',
    `${name} is ${megabytes(size)}, more than the ${megabytes(MAX_IMPORT_BYTES)} Lectern imports. Nothing was saved.`,
  );
}

/** A size in whole megabytes, for messages. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * Longest one file's import may run on an import worker. Past it the
 * worker is stopped and replaced, and the file refused ('too-large': "… took
 * longer than 20 s to read and was stopped").
 */
export const IMPORT_DEADLINE_MS = 20_000;

/**
 * The JavaScript heap an import worker may grow to. A worker that needs
 * more dies (the file is refused, 'too-large', naming it); the pool starts
 * a fresh one for the next file.
 */
export const IMPORT_WORKER_MEMORY_MB = 768;

/** Deepest markup nesting read. Deeper: refused before parsing ('extraction-failed'). */
export const MAX_NESTING = 1000;

/** Most attributes on one element. More: refused before parsing ('extraction-failed'). */
export const MAX_ATTRIBUTES_PER_ELEMENT = 1000;

/** Most attributes in one page. More: refused before parsing ('extraction-failed'). */
export const MAX_ATTRIBUTES = 500_000;

/**
 * Largest web page parsed, in characters, once pictures carried in data:
 * addresses are taken out. Larger: refused before parsing ('too-large').
 */
export const MAX_PAGE_CHARS = 24 * 1024 * 1024;

/**
 * Largest article kept, in characters of HTML: a long book is a few
 * megabytes. Larger (an EPUB's chapters together, a PDF's text, a page's
 * article): refused ('too-large'), checked before the article is sanitized.
 */
export const MAX_ARTICLE_CHARS = 24 * 1024 * 1024;

/**
 * Most pages read from a PDF. A longer one keeps its first pages, with a
 * closing note saying how many of how many; so does one whose pages take
 * longer than PDF_READ_MS to read.
 */
export const MAX_PDF_PAGES = 2000;

/** Most text read from a PDF's pages, in characters; past it, the rest is left out (with the note above). */
export const MAX_PDF_TEXT_CHARS = 16 * 1024 * 1024;

/**
 * Time spent reading a PDF's pages before the rest are left out (with the
 * note above): well inside IMPORT_DEADLINE_MS, so the pages read are still
 * laid out, sanitized and saved on a busy machine.
 */
export const PDF_READ_MS = 8_000;

/**
 * Largest a PDF's compressed stream may unpack to, and all of them together
 * (image streams aside: their pixels are never read). More: refused before
 * the PDF is opened ('too-large').
 */
export const MAX_PDF_STREAM_BYTES = 64 * 1024 * 1024;
export const MAX_PDF_INFLATED_BYTES = 256 * 1024 * 1024;

/** Longest note, on a highlight or an article, in characters. */
export const MAX_NOTE_CHARS = 200_000;

/** Longest highlighted passage, in characters: a long chapter, not a whole book. */
export const MAX_QUOTE_CHARS = 100_000;
