/**
 * Which app wrote an export, told from its content, never its name: the
 * header row of a CSV, the keys of a JSON file, the doctype or headings of
 * an HTML file, and the entry names inside a zip or folder. Pure, so the
 * rules are tested on strings; a file none of the rules claims is not an
 * export and goes on to the ordinary import.
 */
import { csvRecords } from './csv';
import type { ExportService, ParsedExport } from './exported-item';
import { parseChrome } from './chrome';
import { parseFirefox } from './firefox';
import { parseInstapaper } from './instapaper';
import { parseNetscape } from './netscape';
import { parseOmnivore } from './omnivore';
import { parsePocketCsv, parsePocketHtml } from './pocket';
import { parseRaindrop } from './raindrop';
import { parseReadwiseHighlights, parseReadwiseReader } from './readwise';
import { parseWallabag } from './wallabag';

/**
 * A service whose export comes in one form is told by the service's own
 * name; Pocket's comes in two, and Omnivore's is recognised by its
 * metadata file.
 */
export type ExportKind =
  'pocket-html' | 'pocket-csv' | 'omnivore-metadata' | Exclude<ExportService, 'pocket' | 'omnivore'>;

const READERS: Record<ExportKind, (text: string, file: string) => ParsedExport> = {
  'pocket-html': parsePocketHtml,
  'pocket-csv': parsePocketCsv,
  instapaper: parseInstapaper,
  'omnivore-metadata': (text, file) =>
    parseOmnivore({ metadata: [{ name: file, text }], content: new Map(), highlights: new Map() }, file),
  wallabag: parseWallabag,
  readwise: parseReadwiseHighlights,
  'readwise-reader': parseReadwiseReader,
  raindrop: parseRaindrop,
  netscape: parseNetscape,
  firefox: parseFirefox,
  chrome: parseChrome,
};

/** Reads `text` as the export `kind`. */
export function parseExport(kind: ExportKind, text: string, file: string): ParsedExport {
  return READERS[kind](text, file);
}

/** How much of the start of a file the rules look at. */
export const DETECT_BYTES = 64 * 1024;

function has(header: readonly string[], ...names: string[]): boolean {
  return names.every((name) => header.includes(name));
}

function csvKind(header: readonly string[]): ExportKind | undefined {
  if (has(header, 'title', 'url', 'time_added', 'status')) return 'pocket-csv';
  if (has(header, 'URL', 'Title', 'Selection', 'Folder')) return 'instapaper';
  if (has(header, 'Highlight', 'Book Title', 'Book Author')) return 'readwise';
  if (has(header, 'Title', 'URL', 'Document tags', 'Saved date')) return 'readwise-reader';
  if (has(header, 'url', 'folder', 'tags', 'created') && has(header, 'excerpt')) return 'raindrop';
  return undefined;
}

function jsonKind(start: string): ExportKind | undefined {
  if (/^\{/.test(start) && /"roots"\s*:/.test(start) && /"(bookmark_bar|other)"\s*:/.test(start))
    return 'chrome';
  if (/^\{/.test(start) && /"type"\s*:\s*"text\/x-moz-place/.test(start)) return 'firefox';
  if (!/^\[/.test(start)) return undefined;
  if (/"(is_archived|is_read|is_starred|is_fav)"\s*:/.test(start)) return 'wallabag';
  if (/"savedAt"\s*:/.test(start) && /"slug"\s*:/.test(start)) return 'omnivore-metadata';
  return undefined;
}

/** The export `start` (the first `DETECT_BYTES` of a file, as text) belongs to, if any. */
export function detectExport(start: string): ExportKind | undefined {
  const text = start.replace(/^\ufeff/, '').trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return jsonKind(text);
  if (/^<!DOCTYPE\s+NETSCAPE-Bookmark-file/i.test(text)) return 'netscape';
  if (text.startsWith('<')) {
    if (/<title>\s*Pocket Export\s*<\/title>/i.test(text)) return 'pocket-html';
    if (/<dl[\s>]/i.test(text) && /<dt>\s*<(a|h3)\s/i.test(text)) return 'netscape';
    return undefined;
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const header = csvRecords(firstLine).records[0]?.fields.map((name) => name.trim()) ?? [];
  return csvKind(header);
}

/** What a zip's or folder's entry names say it is: Pocket's parts or Omnivore's batches. */
export function detectExportEntries(names: readonly string[]): 'pocket' | 'omnivore' | undefined {
  const bases = names.map((name) => name.replace(/^.*\//, ''));
  if (bases.some((name) => /^metadata_\d+_to_\d+\.json$/.test(name))) return 'omnivore';
  if (bases.some((name) => /^part_\d+\.csv$/.test(name))) return 'pocket';
  return undefined;
}
