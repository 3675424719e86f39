/**
 * Decides what a dropped file is from its bytes first and its name second:
 * a PNG renamed to .html is still a PNG, and a saved page without an
 * extension is still a page. The table of signatures is short on purpose:
 * it names what people drop by mistake, so the message can say what it was.
 */
import { LecternError } from '../../../shared/errors';
import { extensionOf, IMPORT_EXTENSIONS } from '../../../shared/importable-files';

export type ImportKind = 'html' | 'text' | 'markdown' | 'pdf' | 'epub' | 'mhtml' | 'link';

const SIGNATURES: { bytes: number[]; offset?: number; name: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x57, 0x45, 0x42, 0x50], offset: 8, name: 'a WebP image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a zip archive' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], name: 'a 7-Zip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], name: 'a RAR archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'a program' },
  { bytes: [0x4d, 0x5a], name: 'a Windows program' },
  { bytes: [0x66, 0x74, 0x79, 0x70], offset: 4, name: 'a video or audio file' },
  { bytes: [0x49, 0x44, 0x33], name: 'an MP3 file' },
];

const HTML_EXTENSIONS = new Set<string>(IMPORT_EXTENSIONS.html);
const TEXT_EXTENSIONS = new Set<string>(IMPORT_EXTENSIONS.text);
const MARKDOWN_EXTENSIONS = new Set<string>(IMPORT_EXTENSIONS.markdown);
const MHTML_EXTENSIONS = new Set<string>(IMPORT_EXTENSIONS.mhtml);
const LINK_EXTENSIONS = new Set<string>(IMPORT_EXTENSIONS.link);
const SUPPORTED = 'web pages (.html, .mhtml), text (.txt, .md), PDF, EPUB and link files';

function signatureOf(bytes: Uint8Array): string | null {
  for (const { bytes: magic, offset = 0, name } of SIGNATURES) {
    if (magic.every((byte, i) => bytes[offset + i] === byte)) return name;
  }
  return null;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** Text never holds NUL bytes (UTF-16 aside, which announces itself with a BOM). */
function looksBinary(bytes: Uint8Array): boolean {
  if (hasUtf16Bom(bytes)) return false;
  const head = bytes.subarray(0, 8192);
  return head.includes(0);
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  // Skip a UTF-8 byte-order mark: latin1 would read it as "ï»¿", not U+FEFF.
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = new TextDecoder('latin1')
    .decode(bytes.subarray(start, start + 1024))
    .trimStart()
    .toLowerCase();
  return /^(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<!--)/.test(head);
}

/** An EPUB's first entry is an uncompressed "mimetype" file saying so. */
function isEpubZip(bytes: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(bytes.subarray(30, 58)) === 'mimetypeapplication/epub+zip';
}

function looksLikeMhtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return (
    /^(?:From|MIME-Version|Snapshot-Content-Location|Subject|Date):/i.test(head) &&
    /multipart\/related/i.test(head)
  );
}

function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return false;
  }
  return true;
}

export function detectKind(bytes: Uint8Array, name: string, mimeType: string): ImportKind {
  if (isBlank(bytes)) {
    throw new LecternError('empty-file', `${name} is empty: there is nothing in it to import.`);
  }
  const extension = extensionOf(name);
  // Binary property lists (.webloc) hold NUL bytes; the link reader checks them.
  if (LINK_EXTENSIONS.has(extension)) return 'link';
  const signature = signatureOf(bytes);
  const pretending = HTML_EXTENSIONS.has(extension) || TEXT_EXTENSIONS.has(extension);
  if (signature === 'a PDF document' && !pretending) return 'pdf';
  if (signature === 'a zip archive' && (extension === 'epub' || isEpubZip(bytes))) return 'epub';
  if (signature || looksBinary(bytes)) {
    const what = signature ?? 'binary data';
    throw new LecternError(
      'unsupported-type',
      pretending
        ? `${name} is named like a ${extension === 'txt' ? 'text file' : 'web page'} but holds ${what}. Nothing was saved.`
        : `${name} is ${what}, not a web page or text. Lectern imports ${SUPPORTED}.`,
    );
  }
  if (MHTML_EXTENSIONS.has(extension) || looksLikeMhtml(bytes)) return 'mhtml';
  if (MARKDOWN_EXTENSIONS.has(extension) || mimeType === 'text/markdown') return 'markdown';
  if (HTML_EXTENSIONS.has(extension) || mimeType === 'text/html') return 'html';
  if (TEXT_EXTENSIONS.has(extension) || mimeType === 'text/plain') return 'text';
  if (looksLikeHtml(bytes)) return 'html';
  if (extension === '') return 'text';
  throw new LecternError(
    'unsupported-type',
    `${name} is not a kind of file Lectern reads. Lectern imports ${SUPPORTED}.`,
  );
}
