/**
 * A guard against PDF stream bombs: a few hundred kilobytes of deflated
 * stream that unpack to gigabytes. pdf.js inflates a content stream whole
 * into one growing buffer, outside the JavaScript heap a worker's memory cap
 * covers, so it must never be handed such a stream. Before the PDF is
 * opened, every /FlateDecode stream is inflated here once, with zlib's
 * maxOutputLength as the cap, so no more than MAX_PDF_STREAM_BYTES is ever
 * held; over it, or over MAX_PDF_INFLATED_BYTES for all streams together,
 * the file is refused. Image streams are skipped: their pixels are never
 * read for text.
 *
 * The cost is one extra inflate of the PDF's compressed text and fonts, a
 * small part of what pdf.js then spends on them. The scan is plain searches
 * for "stream" and "endstream" moving forward, linear in the file. A stream
 * whose first filter is not deflate, or that zlib cannot read, is left to
 * pdf.js (which gives up on it), as is a stream cut short: what it holds so
 * far is counted.
 */
import { constants, inflateSync } from 'node:zlib';
import { LecternError } from '../../../shared/errors';
import { MAX_PDF_INFLATED_BYTES, MAX_PDF_STREAM_BYTES, megabytes } from '../../../shared/limits';

/** How far back from "stream" its dictionary is looked for. */
const DICTIONARY_WINDOW = 4096;

/** The dictionary in front of a stream's data: the text after the last "obj" in the window before it. */
function dictionaryBefore(buffer: Buffer, keyword: number): string {
  const window = buffer.toString('latin1', Math.max(0, keyword - DICTIONARY_WINDOW), keyword);
  const object = window.lastIndexOf('obj');
  return object < 0 ? window : window.slice(object);
}

function firstFilterIsFlate(dictionary: string): boolean {
  return /\/Filter\s*\[?\s*\/(?:FlateDecode|Fl)\b/.test(dictionary);
}

function inflatedSize(data: Buffer, cap: number): number | null {
  try {
    // A sync flush at the end returns what a stream cut short holds so far.
    return inflateSync(data, { maxOutputLength: cap + 1, finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return cap + 1;
    return null;
  }
}

export function checkPdfStreams(bytes: Uint8Array, name: string): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tooLarge = (what: string) =>
    new LecternError(
      'too-large',
      `${name} holds ${what}, more than Lectern unpacks from one PDF; it looks built to exhaust memory. Nothing was saved.`,
    );
  let total = 0;
  let at = 0;
  for (;;) {
    const keyword = buffer.indexOf('stream', at, 'latin1');
    if (keyword < 0) return;
    at = keyword + 6;
    if (buffer.toString('latin1', keyword - 3, keyword) === 'end') continue;
    let start = at;
    if (buffer[start] === 13) start++;
    if (buffer[start] !== 10) continue;
    start++;
    const dictionary = dictionaryBefore(buffer, keyword);
    const end = buffer.indexOf('endstream', start, 'latin1');
    at = end < 0 ? buffer.length : end + 9;
    if (!firstFilterIsFlate(dictionary) || /\/Subtype\s*\/Image\b/.test(dictionary)) continue;
    const cap = Math.min(MAX_PDF_STREAM_BYTES, MAX_PDF_INFLATED_BYTES - total);
    const size = inflatedSize(buffer.subarray(start, at === buffer.length ? at : end), cap);
    if (size === null) continue;
    if (size > cap) {
      throw tooLarge(
        cap === MAX_PDF_STREAM_BYTES
          ? `a stream that unpacks to more than ${megabytes(MAX_PDF_STREAM_BYTES)}`
          : `streams that unpack to more than ${megabytes(MAX_PDF_INFLATED_BYTES)} together`,
      );
    }
    total += size;
  }
}
