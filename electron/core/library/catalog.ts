/**
 * The catalog cache, `.cache/catalog.json`: every article's summary in one
 * file, so opening a library of 10,000 articles reads one file instead of
 * 10,000. It is derived data and trusted only as far as it checks out:
 *
 * - on open, an entry is used only if its article's folder is still where the
 *   entry says (articles/ or trash/); folders the catalog does not know are
 *   read from their article.json, entries without a folder are dropped;
 * - after open, verify() (run in the background) compares each article.json's
 *   modification time and size with the entry's stamp and rereads those that
 *   changed behind Lectern's back (a sync tool, an editor, a crash before the
 *   cache was saved).
 *
 * A missing, damaged or older-version cache is rebuilt from the article files;
 * deleting `.cache/` loses nothing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleSummary } from '../../shared/article';
import { yieldToEventLoop } from '../../shared/async';
import { writeFileAtomic } from '../files/atomic-write';

export const CACHE_DIR = '.cache';
const CATALOG_FILE = 'catalog.json';
const CATALOG_VERSION = 1;

export type Place = 'articles' | 'trash';

/** What the cache remembers of article.json so a change to it can be seen without reading it. */
export interface Stamp {
  mtimeMs: number;
  size: number;
}

export interface CatalogEntry {
  place: Place;
  stamp: Stamp;
  summary: ArticleSummary;
}

/** The file's shape, as written by writeCatalog. */
interface CatalogFile {
  version: number;
  entries: CatalogEntry[];
}

function looksLikeEntry(value: unknown): value is CatalogEntry {
  const entry = value as Partial<CatalogEntry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    (entry.place === 'articles' || entry.place === 'trash') &&
    typeof entry.stamp?.mtimeMs === 'number' &&
    typeof entry.stamp.size === 'number' &&
    typeof entry.summary?.id === 'string' &&
    typeof entry.summary.title === 'string' &&
    Array.isArray(entry.summary.tags)
  );
}

/** The cached entries by id, or null when the cache is missing, damaged or from another version. */
export async function readCatalog(libraryDir: string): Promise<Map<string, CatalogEntry> | null> {
  let parsed: CatalogFile;
  try {
    parsed = JSON.parse(await readFile(join(libraryDir, CACHE_DIR, CATALOG_FILE), 'utf8')) as CatalogFile;
  } catch {
    return null;
  }
  if (parsed?.version !== CATALOG_VERSION || !Array.isArray(parsed.entries)) return null;
  const entries = new Map<string, CatalogEntry>();
  for (const entry of parsed.entries) {
    if (!looksLikeEntry(entry)) return null;
    entries.set(entry.summary.id, entry);
  }
  return entries;
}

/** Entries serialized between turns of the event loop, so saving 10,000 never stalls a call for long. */
const WRITE_BATCH = 500;

export async function writeCatalog(libraryDir: string, entries: Iterable<CatalogEntry>): Promise<void> {
  const parts: string[] = [];
  for (const entry of [...entries]) {
    parts.push(JSON.stringify(entry));
    if (parts.length % WRITE_BATCH === 0) await yieldToEventLoop();
  }
  const text = `{"version":${CATALOG_VERSION},"entries":[${parts.join(',')}]}`;
  await writeFileAtomic(join(libraryDir, CACHE_DIR, CATALOG_FILE), text);
}
