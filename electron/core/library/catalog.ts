/**
 * The catalog: every article's summary in memory, so listing, filtering and
 * the duplicate check never read article files; the full record is read from
 * article.json when asked for.
 *
 * It is cached in `.cache/catalog.json`, so opening a library of 10,000
 * articles reads one file instead of 10,000, and saved a moment after the
 * last change (a crash before then costs a reread, not data). The cache is
 * derived data and trusted only as far as it checks out:
 *
 * - on open, an entry is used only if its article's folder is still where the
 *   entry says (articles/ or trash/); folders the catalog does not know are
 *   read from their article.json, entries without a folder are dropped;
 * - after open, verify() (run in the background) compares each article.json's
 *   modification time and size with the entry's stamp and rereads those that
 *   changed behind Lectern's back (a sync tool, an editor);
 * - a mark in .cache says the catalog is open; found at open, it means the
 *   last process ended without closing (a crash, a kill), so records written
 *   after its last save may be newer than the cache: verify() then runs
 *   before the catalog answers, or the first list would show, for a moment,
 *   an article without the tag or note that was saved just before the crash.
 *
 * The file carries a SHA-256 of its entries, so an entry changed by hand (a
 * status flipped to "archived") is caught on open; each entry is then checked
 * against the summary schema, and one that fails is read again from its
 * article.json alone. A missing, damaged, altered or older-version cache is
 * rebuilt from the article files; deleting `.cache/` loses nothing.
 */
import { createHash } from 'node:crypto';
import { access, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { LecternError } from '../../shared/errors';
import { summarize, type ArticleMeta, type ArticleSummary } from '../../shared/article';
import { debounce, mapBounded, SerialQueue, yieldToEventLoop } from '../../shared/async';
import { normalizeUrl } from '../../shared/url-normalize';
import { writeFileAtomic } from '../files/atomic-write';
import { storedSummary } from '../../shared/schemas/article-record';
import { articleFolder, folderIds, recordPath, type Place } from './article-folder';
import { loadRecord, stampOf, type Stamp } from './article-record';
import { readOwnFile } from './own-file';
import type { LibraryProblem } from './storage-error';

export const CACHE_DIR = '.cache';
const CATALOG_FILE = 'catalog.json';
const CATALOG_VERSION = 2;
/** Present while a process has the catalog open (see the header). */
const OPEN_MARK = 'catalog.open';
/** How long after the last change the cache is saved. */
const SAVE_DELAY_MS = 2000;
/** Article files read at once on open and on verify. */
const READ_BATCH = 64;

export interface CatalogEntry {
  place: Place;
  stamp: Stamp;
  summary: ArticleSummary;
}

/** The file's shape, as written by writeCatalog. */
interface CatalogFile {
  version: number;
  /** SHA-256 (hex) of the entries array as written. */
  sha256: string;
  entries: unknown[];
}

function digest(entriesText: string): string {
  return createHash('sha256').update(entriesText).digest('hex');
}

function looksLikeEntry(value: unknown): value is CatalogEntry {
  const entry = value as Partial<CatalogEntry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    (entry.place === 'articles' || entry.place === 'trash') &&
    typeof entry.stamp?.mtimeMs === 'number' &&
    typeof entry.stamp.size === 'number' &&
    v.is(storedSummary, entry.summary)
  );
}

/**
 * The cached entries by id, or null when the cache is missing, damaged,
 * altered or from another version. An entry that fails its schema is left
 * out, so its article is read from article.json.
 */
async function readCatalog(libraryDir: string): Promise<Map<string, CatalogEntry> | null> {
  let parsed: Partial<CatalogFile> | null;
  try {
    parsed = JSON.parse(await readOwnFile(join(libraryDir, CACHE_DIR, CATALOG_FILE))) as Partial<CatalogFile>;
  } catch {
    return null;
  }
  if (parsed?.version !== CATALOG_VERSION || !Array.isArray(parsed.entries)) return null;
  // JSON.stringify of what JSON.parse read gives back the text written, byte for byte.
  if (parsed.sha256 !== digest(JSON.stringify(parsed.entries))) return null;
  const entries = new Map<string, CatalogEntry>();
  for (const entry of parsed.entries) {
    if (looksLikeEntry(entry)) entries.set(entry.summary.id, entry);
  }
  return entries;
}

/** Entries serialized between turns of the event loop, so saving 10,000 never stalls a call for long. */
const WRITE_BATCH = 500;

async function writeCatalog(libraryDir: string, entries: Iterable<CatalogEntry>): Promise<void> {
  const parts: string[] = [];
  for (const entry of [...entries]) {
    parts.push(JSON.stringify(entry));
    if (parts.length % WRITE_BATCH === 0) await yieldToEventLoop();
  }
  const entriesText = `[${parts.join(',')}]`;
  const text = `{"version":${CATALOG_VERSION},"sha256":"${digest(entriesText)}","entries":${entriesText}}`;
  await writeFileAtomic(join(libraryDir, CACHE_DIR, CATALOG_FILE), text);
}

/** What verify() found changed on disk since the catalog was saved. */
export interface CatalogChanges {
  changed: ArticleSummary[];
  removed: string[];
}

function newestFirst(a: ArticleSummary, b: ArticleSummary): number {
  return a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : 0;
}

export class Catalog {
  readonly #entries = new Map<string, CatalogEntry>();
  #generation = 0;
  /**
   * Each summary's address normalized once, not once per import: a summary
   * object is replaced whenever its article changes, so the cache never goes stale.
   */
  readonly #normalizedUrls = new WeakMap<ArticleSummary, string | null>();
  readonly #saveSoon = debounce(() => void this.flush(), SAVE_DELAY_MS, { unref: true });
  readonly #saves = new SerialQueue();

  private constructor(
    private readonly dir: string,
    private readonly problems: LibraryProblem[],
    private readonly now: () => Date,
  ) {}

  /**
   * Reads the catalog of the library at `dir`; damaged article files are
   * recovered (article-record.ts) and reported in `problems`.
   */
  static async load(
    dir: string,
    problems: LibraryProblem[],
    now: () => Date = () => new Date(),
  ): Promise<Catalog> {
    const catalog = new Catalog(dir, problems, now);
    const mark = join(dir, CACHE_DIR, OPEN_MARK);
    const closedUncleanly = await access(mark).then(
      () => true,
      () => false,
    );
    // Without the mark a crash would pass unnoticed; with no .cache to hold it, the cache is rebuilt anyway.
    await writeFile(mark, '').catch(() => undefined);
    const [inLibrary, inTrash, cached] = await Promise.all([
      folderIds(dir, 'articles'),
      folderIds(dir, 'trash'),
      readCatalog(dir),
    ]);
    const toRead: [string, Place, ArticleSummary | null][] = [];
    for (const [ids, place] of [
      [inLibrary, 'articles'],
      [inTrash, 'trash'],
    ] as const) {
      for (const id of ids) {
        const entry = cached?.get(id);
        if (entry && entry.place === place) catalog.#set(id, entry);
        else toRead.push([id, place, entry?.summary ?? null]);
      }
    }
    await mapBounded(toRead, READ_BATCH, ([id, place, known]) => catalog.#read(id, place, known));
    // Nothing else runs on the library yet, so each reread needs no lock.
    if (closedUncleanly && cached !== null) await catalog.verify((_id, run) => run());
    if (cached === null || toRead.length > 0 || cached.size !== catalog.#entries.size) void catalog.flush();
    return catalog;
  }

  /**
   * Reads one article.json into the catalog, recovering a damaged one from
   * what is left, `known` (the catalog's last summary of it) included; null
   * when its folder is gone or it cannot be read at all (then reported).
   */
  async #read(id: string, place: Place, known: ArticleSummary | null): Promise<CatalogEntry | null> {
    const path = recordPath(this.dir, place, id);
    const read = await loadRecord(articleFolder(this.dir, place, id), id, known, this.now());
    if (read === null) return null;
    if (read.problem) this.problems.push({ path, message: read.problem });
    if (!('meta' in read)) return null;
    const { meta, stamp } = read;
    if (place === 'trash' && !meta.trashedAt) meta.trashedAt = new Date(stamp.mtimeMs).toISOString();
    const entry: CatalogEntry = { place, stamp, summary: summarize(meta) };
    this.#set(id, entry);
    return entry;
  }

  /**
   * Checks every entry against its article.json's time and size and rereads
   * the ones that changed, each through `exclusive` so no write to it runs
   * meanwhile. Run after open, in the background.
   */
  async verify(exclusive: (id: string, run: () => Promise<void>) => Promise<void>): Promise<CatalogChanges> {
    const changes: CatalogChanges = { changed: [], removed: [] };
    await mapBounded([...this.#entries.values()], READ_BATCH, async ({ place, stamp, summary }) => {
      const { id } = summary;
      const now = await stampOf(recordPath(this.dir, place, id)).catch(() => null);
      if (now && now.mtimeMs === stamp.mtimeMs && now.size === stamp.size) return;
      await exclusive(id, async () => {
        // The old entry stays listed while the file is read again: after a
        // crash many records are newer than the cache, and the list must
        // not lose them for the moment each takes to read.
        const fresh = await this.#read(id, place, summary);
        if (fresh) changes.changed.push(fresh.summary);
        else {
          this.#remove(id);
          changes.removed.push(id);
        }
      });
    });
    if (changes.changed.length + changes.removed.length > 0) this.#saveSoon();
    return changes;
  }

  /**
   * Whether the folder `id` in `place` is as the catalog has it: its record
   * stamped as listed when the article is listed there, no record when not.
   */
  async matchesDisk(place: Place, id: string): Promise<boolean> {
    const entry = this.#entries.get(id);
    const now = await stampOf(recordPath(this.dir, place, id)).catch(() => null);
    if (entry?.place !== place) return now === null;
    return now !== null && now.mtimeMs === entry.stamp.mtimeMs && now.size === entry.stamp.size;
  }

  /** Takes an article's new state after a write to its folder in `place`. */
  async record(meta: ArticleMeta, place: Place): Promise<CatalogEntry> {
    return this.recordStamped(meta, place, await stampOf(recordPath(this.dir, place, meta.id)));
  }

  /** record() for a write that already knows its article.json's stamp (a batch of new folders). */
  recordStamped(meta: ArticleMeta, place: Place, stamp: Stamp): CatalogEntry {
    const entry: CatalogEntry = { place, stamp, summary: summarize(meta) };
    this.#set(meta.id, entry);
    this.#saveSoon();
    return entry;
  }

  delete(id: string): void {
    this.#remove(id);
    this.#saveSoon();
  }

  /**
   * A number that changes whenever an entry is added, replaced or removed:
   * whoever derives something from every summary (the search engine's list
   * of articles not indexed as they are) computes it again only when this
   * has moved, not on every call.
   */
  get generation(): number {
    return this.#generation;
  }

  #set(id: string, entry: CatalogEntry): void {
    this.#entries.set(id, entry);
    this.#generation++;
  }

  #remove(id: string): void {
    if (this.#entries.delete(id)) this.#generation++;
  }

  entry(id: string): CatalogEntry {
    const entry = this.#entries.get(id);
    if (!entry) throw new LecternError('not-found', 'That article is no longer in the library.');
    return entry;
  }

  has(id: string): boolean {
    return this.#entries.has(id);
  }

  /** Summaries in no particular order; all of them when `place` is not given. */
  summaries(place?: Place): ArticleSummary[] {
    const out: ArticleSummary[] = [];
    for (const entry of this.#entries.values()) {
      if (place === undefined || entry.place === place) out.push(entry.summary);
    }
    return out;
  }

  /** Articles in the library (not in the trash), newest first. */
  list(): ArticleSummary[] {
    return this.summaries('articles').sort(newestFirst);
  }

  /** Articles in the trash, most recently trashed first. */
  trashed(): ArticleSummary[] {
    return this.summaries('trash').sort((a, b) => ((a.trashedAt ?? '') < (b.trashedAt ?? '') ? 1 : -1));
  }

  /**
   * An article already holding this content (same SHA-256 of the imported
   * bytes) or this address (compared normalized), if any.
   */
  findDuplicate(sha256: string | null, url: string | null): ArticleSummary | null {
    const address = url ? normalizeUrl(url) : null;
    for (const { place, summary } of this.#entries.values()) {
      // Something in the trash is not in the library: importing it again is allowed.
      if (place !== 'articles') continue;
      if (sha256 && summary.source.sha256 === sha256) return summary;
      if (address && summary.url && this.#normalizedUrl(summary, summary.url) === address) return summary;
    }
    return null;
  }

  #normalizedUrl(summary: ArticleSummary, url: string): string | null {
    if (!this.#normalizedUrls.has(summary)) this.#normalizedUrls.set(summary, normalizeUrl(url));
    return this.#normalizedUrls.get(summary) ?? null;
  }

  /** Saves the cache now. A failure only costs a slower next open. */
  async flush(): Promise<void> {
    this.#saveSoon.cancel();
    await this.#saves.run(() =>
      writeCatalog(this.dir, this.#entries.values()).catch((error: unknown) => {
        console.warn('Lectern: could not save the catalog cache:', error);
      }),
    );
  }

  /** Saves what is waiting; call before the process exits. */
  async close(): Promise<void> {
    if (this.#saveSoon.pending) await this.flush();
    await this.#saves.idle();
    await rm(join(this.dir, CACHE_DIR, OPEN_MARK), { force: true }).catch(() => undefined);
  }
}
