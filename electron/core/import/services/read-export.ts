/**
 * An export named by path, read whole into items: a single file (told by
 * its content), or a zip or folder of parts (Pocket's `part_*.csv` with
 * `annotations/`, Omnivore's `metadata_*.json` with `content/` and
 * `highlights/`). Zips go through the export code's reader with caps on the
 * entry count and sizes, so a zip bomb is refused before it inflates.
 * Returns undefined for a path that is not an export, which the ordinary
 * import then takes.
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileTooLarge, MAX_IMPORT_BYTES } from '../../../shared/limits';
import { openZip, type ZipLimits } from '../../files/zip';
import {
  DETECT_BYTES,
  detectExport,
  detectExportEntries,
  parseExport,
  type ExportKind,
} from './detect-export';
import type { ExportedHighlight, ExportService, ParsedExport } from './exported-item';
import { parseOmnivore } from './omnivore';
import { attachPocketHighlights, parsePocketAnnotations, parsePocketCsv } from './pocket';

/** An export's zip: Omnivore writes one entry per article twice over, so the count is generous. */
export const EXPORT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 200_000,
  maxEntryBytes: MAX_IMPORT_BYTES,
  maxTotalBytes: 4 * MAX_IMPORT_BYTES,
};

/** The entries of a zip or folder, by "/"-separated name. */
interface Entries {
  names: string[];
  text(name: string): Promise<string>;
}

async function folderEntries(root: string): Promise<Entries> {
  const names: string[] = [];
  const pending = [''];
  while (pending.length && names.length <= EXPORT_ZIP_LIMITS.maxEntries) {
    const prefix = pending.pop()!;
    for (const entry of await readdir(join(root, prefix), { withFileTypes: true })) {
      const name = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !entry.name.startsWith('.')) pending.push(name);
      else if (entry.isFile()) names.push(name);
    }
  }
  return { names: names.sort(), text: (name) => readFile(join(root, name), 'utf8') };
}

function byBase(names: readonly string[], folder: string, pattern: RegExp): string[] {
  return names.filter((name) => {
    const parts = name.split('/');
    return pattern.test(parts.at(-1) ?? '') && (parts.at(-2) ?? '') === folder;
  });
}

async function readPocketParts(entries: Entries, label: string): Promise<ParsedExport> {
  const all: ParsedExport = { service: 'pocket', items: [], problems: [] };
  const highlights = new Map<string, ExportedHighlight[]>();
  for (const name of entries.names.filter((entry) => /(^|\/)annotations\/part_\d+\.json$/.test(entry))) {
    const annotations = parsePocketAnnotations(await entries.text(name), `${label} › ${name}`);
    all.problems.push(...annotations.problems);
    for (const [url, list] of annotations.byUrl)
      highlights.set(url, [...(highlights.get(url) ?? []), ...list]);
  }
  for (const name of entries.names.filter((entry) => /(^|\/)part_\d+\.csv$/.test(entry))) {
    const part = parsePocketCsv(await entries.text(name), `${label} › ${name}`);
    attachPocketHighlights(part, highlights);
    all.items.push(...part.items);
    all.problems.push(...part.problems);
  }
  return all;
}

async function readOmnivoreParts(entries: Entries, label: string): Promise<ParsedExport> {
  const slugs = async (folder: string, extension: string) => {
    const map = new Map<string, string>();
    for (const name of byBase(entries.names, folder, new RegExp(`\\.${extension}$`)))
      map.set((name.split('/').at(-1) ?? '').slice(0, -extension.length - 1), await entries.text(name));
    return map;
  };
  const metadata = [];
  for (const name of entries.names.filter((entry) => /(^|\/)metadata_\d+_to_\d+\.json$/.test(entry)))
    metadata.push({ name, text: await entries.text(name) });
  return parseOmnivore(
    { metadata, content: await slugs('content', 'html'), highlights: await slugs('highlights', 'md') },
    label,
  );
}

async function readEntries(entries: Entries, label: string): Promise<ParsedExport | undefined> {
  const kind = detectExportEntries(entries.names);
  if (kind === 'pocket') return readPocketParts(entries, label);
  if (kind === 'omnivore') return readOmnivoreParts(entries, label);
  return undefined;
}

const ZIP_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1');

async function startOf(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(DETECT_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, DETECT_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The export at `path` read into items, or undefined when it is not an export. */
export async function readExport(path: string): Promise<ParsedExport | undefined> {
  const label = basename(path);
  const info = await stat(path);
  if (info.isDirectory()) return readEntries(await folderEntries(path), label);
  const start = await startOf(path);
  if (start.subarray(0, 4).equals(ZIP_MAGIC)) {
    const zip = await openZip(path, EXPORT_ZIP_LIMITS, label);
    try {
      const items = new Map(zip.items.map((item) => [item.name, item]));
      return await readEntries(
        {
          names: [...items.keys()],
          text: async (name) => (await zip.bytes(items.get(name)!)).toString('utf8'),
        },
        label,
      );
    } finally {
      zip.close();
    }
  }
  const kind = detectExport(start.toString('utf8'));
  if (!kind) return undefined;
  if (info.size > MAX_IMPORT_BYTES) throw fileTooLarge(label, info.size);
  return parseExport(kind, await readFile(path, 'utf8'), label);
}

const SERVICE_OF_KIND: Record<ExportKind, ExportService> = {
  'pocket-html': 'pocket',
  'pocket-csv': 'pocket',
  instapaper: 'instapaper',
  'omnivore-metadata': 'omnivore',
  wallabag: 'wallabag',
  readwise: 'readwise',
  'readwise-reader': 'readwise-reader',
  raindrop: 'raindrop',
  netscape: 'netscape',
  firefox: 'firefox',
  chrome: 'chrome',
};

/** An EPUB's first entry is an uncompressed "mimetype" file saying so. */
function isEpub(head: Uint8Array): boolean {
  return Buffer.from(head.subarray(30, 58)).toString('latin1') === 'mimetypeapplication/epub+zip';
}

/**
 * Whose export a file is, from its first `DETECT_BYTES`: the service, "zip"
 * for a zip that is not an EPUB (its entries tell, and only readExport reads
 * them), or undefined. This is how a dropped file is routed before it would
 * be imported as a page: a bookmarks file and a saved page are both HTML,
 * and only their content tells them apart.
 */
export function detectExportHead(head: Uint8Array): ExportService | 'zip' | undefined {
  const bytes = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, DETECT_BYTES));
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return isEpub(bytes) ? undefined : 'zip';
  const kind = detectExport(bytes.toString('utf8'));
  return kind && SERVICE_OF_KIND[kind];
}

/**
 * Whether `path` holds another app's export, by content: a file's first
 * bytes, or a folder of Pocket's or Omnivore's parts. The command line asks
 * before it walks a folder or imports a file as a page.
 */
export async function isExportPath(path: string): Promise<boolean> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return false;
  }
  if (info.isDirectory()) return detectExportEntries(await readdir(path)) !== undefined;
  return info.isFile() && detectExportHead(await startOf(path)) !== undefined;
}
