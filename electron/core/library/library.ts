/**
 * The library on disk (README.md, "The library on disk"): lectern.json for
 * library-wide data and one folder per article, in articles/ or trash/.
 *
 * Memory holds one summary per article (the catalog, cached in .cache/ so an
 * open reads one file; see catalog.ts); the full record, with highlights and
 * note, is read from article.json when asked for. Every change to an article
 * reads its file, changes it and writes it back atomically, one change at a
 * time per article, so a write costs the same at 10 articles or 10,000 and
 * picks up edits made by other tools.
 */
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import {
  READ_PROGRESS,
  summarize,
  type ArticleMeta,
  type ArticleSource,
  type ArticleSummary,
} from '../../shared/article';
import { isAssetName } from '../../shared/assets';
import { normalizeUrl } from '../../shared/url-normalize';
import { LecternError } from '../../shared/errors';
import { isArticleId } from '../../shared/ids';
import { writeFileAtomic } from '../files/atomic-write';
import { CACHE_DIR, readCatalog, writeCatalog, type CatalogEntry, type Place, type Stamp } from './catalog';
import { HighlightCache } from './highlight-cache';
import { LIBRARY_FORMAT_VERSION, migrateLibraryFile, newLibraryFile, type LibraryFile } from './format';
import { newArticleId } from './ids';
import { DamagedFileError, JsonFile } from './json-file';
import { storageError } from './storage-error';

export const LIBRARY_FILE = 'lectern.json';
const STAGING_PREFIX = '.staging-';
/** How long after the last change the catalog cache is saved; a crash before then costs a reread, not data. */
const CATALOG_SAVE_DELAY_MS = 2000;
const BATCH = 64;

/** What an importer hands over: the extracted article and the bytes it came from. */
export interface NewArticle {
  fields: Pick<
    ArticleMeta,
    'title' | 'byline' | 'siteName' | 'url' | 'published' | 'lang' | 'excerpt' | 'wordCount' | 'leadImage'
  >;
  html: string;
  /** Images content.html refers to as "assets/<name>". */
  assets: { name: string; bytes: Uint8Array }[];
  source: Omit<ArticleSource, 'original'>;
  original: { bytes: Uint8Array; extension: string };
  /** Set for a link kept to retry: see ArticleMeta.pending. */
  pending?: { reason: string };
}

/** Something found wrong while opening, reported rather than fatal. */
export interface LibraryProblem {
  path: string;
  message: string;
}

/** What verify() found changed on disk since the catalog was saved. */
export interface CatalogChanges {
  changed: ArticleSummary[];
  removed: string[];
}

function looksLikeArticle(value: unknown, id: string): value is ArticleMeta {
  if (typeof value !== 'object' || value === null) return false;
  const meta = value as Partial<ArticleMeta>;
  return meta.id === id && typeof meta.title === 'string' && typeof meta.addedAt === 'string';
}

/** Fills in fields an older or hand-edited article.json may lack, so the rest of Lectern can trust them. */
function withDefaults(meta: ArticleMeta): ArticleMeta {
  const { readPlace, ...rest } = meta;
  const keptPlace = typeof readPlace === 'number' && readPlace > 0 && readPlace < READ_PROGRESS;
  return {
    ...rest,
    ...(keptPlace ? { readPlace } : {}),
    tags: Array.isArray(meta.tags) ? meta.tags.filter((t) => typeof t === 'string') : [],
    highlights: Array.isArray(meta.highlights) ? meta.highlights : [],
    note: typeof meta.note === 'string' ? meta.note : '',
    progress: typeof meta.progress === 'number' ? meta.progress : 0,
    favorite: meta.favorite === true,
    status: meta.status === 'archived' ? 'archived' : 'inbox',
    wordCount: typeof meta.wordCount === 'number' ? meta.wordCount : 0,
  };
}

function newestFirst(a: ArticleSummary, b: ArticleSummary): number {
  return a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : 0;
}

export class Library {
  readonly problems: LibraryProblem[] = [];
  readonly #entries = new Map<string, CatalogEntry>();
  /** The change in progress per article; the next one waits for it. */
  readonly #queues = new Map<string, Promise<unknown>>();
  #saveTimer: NodeJS.Timeout | null = null;
  #saving: Promise<void> = Promise.resolve();
  /** Every annotated article's highlights, for the Highlights view (derived, in .cache/). */
  readonly highlights = new HighlightCache(this);

  private constructor(
    readonly dir: string,
    readonly file: Low<LibraryFile>,
    private readonly now: () => Date,
  ) {}

  /** Opens the library at `dir`, creating it when it does not exist. */
  static async open(dir: string, now: () => Date = () => new Date()): Promise<Library> {
    try {
      await mkdir(join(dir, 'articles'), { recursive: true });
      await mkdir(join(dir, 'trash'), { recursive: true });
      await mkdir(join(dir, CACHE_DIR), { recursive: true });
    } catch (error) {
      throw storageError(dir, 'create its folders', error);
    }
    const file = await Library.#openLibraryFile(dir, now);
    const library = new Library(dir, file.db, now);
    library.problems.push(...file.problems);
    await library.#loadCatalog();
    return library;
  }

  static async #openLibraryFile(dir: string, now: () => Date) {
    const path = join(dir, LIBRARY_FILE);
    const adapter = new JsonFile<LibraryFile>(path);
    const problems: LibraryProblem[] = [];
    let stored: LibraryFile | null;
    try {
      stored = await adapter.read();
      if (stored !== null && typeof stored.formatVersion !== 'number') throw new DamagedFileError(path);
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw storageError(dir, 'read lectern.json', error);
      // Articles live in their own folders, so a damaged lectern.json costs only
      // library-wide settings. Keep the damaged copy for the person to inspect.
      const aside = `${path}.damaged-${now().getTime()}`;
      await rename(path, aside);
      stored = null;
      problems.push({
        path: aside,
        message: `lectern.json was damaged and has been set aside as ${aside}; articles are unaffected, library settings were reset.`,
      });
    }
    const migration = migrateLibraryFile(stored ?? newLibraryFile(now()));
    if (migration.kind === 'too-new') {
      throw new LecternError(
        'library-unavailable',
        `The library at ${dir} was written by a newer Lectern (format ${migration.version}; this one reads up to ${LIBRARY_FORMAT_VERSION}). Update Lectern to open it.`,
      );
    }
    const db = new Low<LibraryFile>(adapter, migration.file);
    if (stored === null || migration.kind === 'migrated') {
      try {
        await db.write();
      } catch (error) {
        throw storageError(dir, 'write lectern.json', error);
      }
    }
    return { db, problems };
  }

  async #folderIds(place: Place): Promise<string[]> {
    const folder = join(this.dir, place);
    const entries = await readdir(folder, { withFileTypes: true });
    // A staging folder is an import that never finished: remove it.
    await Promise.all(
      entries
        .filter((entry) => entry.name.startsWith(STAGING_PREFIX))
        .map((entry) => rm(join(folder, entry.name), { recursive: true, force: true })),
    );
    return entries.filter((e) => e.isDirectory() && isArticleId(e.name)).map((e) => e.name);
  }

  async #loadCatalog(): Promise<void> {
    const [inLibrary, inTrash, cached] = await Promise.all([
      this.#folderIds('articles'),
      this.#folderIds('trash'),
      readCatalog(this.dir),
    ]);
    const toRead: [string, Place][] = [];
    for (const [ids, place] of [
      [inLibrary, 'articles'],
      [inTrash, 'trash'],
    ] as const) {
      for (const id of ids) {
        const entry = cached?.get(id);
        if (entry && entry.place === place) this.#entries.set(id, entry);
        else toRead.push([id, place]);
      }
    }
    for (let i = 0; i < toRead.length; i += BATCH) {
      await Promise.all(toRead.slice(i, i + BATCH).map(([id, place]) => this.#readEntry(id, place)));
    }
    if (cached === null || toRead.length > 0 || cached.size !== this.#entries.size) this.#scheduleSave(0);
  }

  #articlePath(id: string, place: Place): string {
    return join(this.dir, place, id, 'article.json');
  }

  /** Reads one article.json into the catalog; a damaged one is reported and skipped. */
  async #readEntry(id: string, place: Place): Promise<CatalogEntry | null> {
    const path = this.#articlePath(id, place);
    let value: unknown;
    let stamp: Stamp;
    try {
      const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
      value = JSON.parse(text);
      stamp = { mtimeMs: info.mtimeMs, size: info.size };
    } catch {
      this.problems.push({ path, message: `${path} is damaged; the article is skipped and left on disk.` });
      return null;
    }
    if (!looksLikeArticle(value, id)) {
      this.problems.push({
        path,
        message: `${path} is not an article record; it is skipped and left on disk.`,
      });
      return null;
    }
    const meta = withDefaults(value);
    if (place === 'trash' && !meta.trashedAt) meta.trashedAt = new Date(stamp.mtimeMs).toISOString();
    const entry: CatalogEntry = { place, stamp, summary: summarize(meta) };
    this.#entries.set(id, entry);
    return entry;
  }

  /**
   * Checks every cached entry against its article.json's time and size and
   * rereads the ones that changed. Run after open, in the background.
   */
  async verify(): Promise<CatalogChanges> {
    const changes: CatalogChanges = { changed: [], removed: [] };
    const entries = [...this.#entries.values()];
    for (let i = 0; i < entries.length; i += BATCH) {
      await Promise.all(
        entries.slice(i, i + BATCH).map(async ({ place, stamp, summary: { id } }) => {
          let info;
          try {
            info = await stat(this.#articlePath(id, place));
          } catch {
            info = null;
          }
          if (info && info.mtimeMs === stamp.mtimeMs && info.size === stamp.size) return;
          await this.#exclusive(id, async () => {
            this.#entries.delete(id);
            const fresh = info ? await this.#readEntry(id, place) : null;
            if (fresh) changes.changed.push(fresh.summary);
            else changes.removed.push(id);
          });
        }),
      );
    }
    if (changes.changed.length + changes.removed.length > 0) this.#scheduleSave();
    return changes;
  }

  #scheduleSave(delay = CATALOG_SAVE_DELAY_MS): void {
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = null;
      void this.flush();
    }, delay);
    this.#saveTimer.unref();
  }

  /** Saves the catalog cache now if a change is waiting. Failures only cost a slower next open. */
  async flush(): Promise<void> {
    if (this.#saveTimer) {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = null;
    }
    this.#saving = this.#saving.then(() =>
      writeCatalog(this.dir, this.#entries.values()).catch((error: unknown) => {
        console.warn('Lectern: could not save the catalog cache:', error);
      }),
    );
    await this.#saving;
  }

  /** Saves what is pending; call before the process exits. */
  async close(): Promise<void> {
    if (this.#saveTimer) await this.flush();
    await this.#saving;
    await this.highlights.flush();
  }

  /** Articles in the library (not in the trash), newest first. */
  list(): ArticleSummary[] {
    return this.summaries('articles').sort(newestFirst);
  }

  /** Articles in the trash, most recently trashed first. */
  trashed(): ArticleSummary[] {
    return this.summaries('trash').sort((a, b) => ((a.trashedAt ?? '') < (b.trashedAt ?? '') ? 1 : -1));
  }

  /** Summaries in no particular order; all of them when `place` is not given. */
  summaries(place?: Place): ArticleSummary[] {
    const out: ArticleSummary[] = [];
    for (const entry of this.#entries.values()) {
      if (place === undefined || entry.place === place) out.push(entry.summary);
    }
    return out;
  }

  summary(id: string): ArticleSummary {
    return this.#entry(id).summary;
  }

  has(id: string): boolean {
    return this.#entries.has(id);
  }

  /** The full record, highlights and note included, read from disk. */
  async get(id: string): Promise<ArticleMeta> {
    const entry = this.#entry(id);
    return this.#readMeta(id, entry.place);
  }

  async #readMeta(id: string, place: Place): Promise<ArticleMeta> {
    const path = this.#articlePath(id, place);
    let value: unknown;
    try {
      value = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      if (error instanceof SyntaxError) {
        throw new LecternError(
          'library-corrupt',
          `${path} is damaged, so this article cannot be read or changed.`,
        );
      }
      throw storageError(this.dir, 'read the article', error);
    }
    if (!looksLikeArticle(value, id)) {
      throw new LecternError('library-corrupt', `${path} is not an article record any more.`);
    }
    return withDefaults(value);
  }

  async content(id: string): Promise<string> {
    const { place } = this.#entry(id);
    try {
      return await readFile(join(this.dir, place, id, 'content.html'), 'utf8');
    } catch (error) {
      throw storageError(this.dir, 'read the article’s content', error);
    }
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

  /**
   * Each summary's address normalized once, not once per import: a summary
   * object is replaced whenever its article changes, so the cache never goes stale.
   */
  readonly #normalizedUrls = new WeakMap<ArticleSummary, string | null>();

  #normalizedUrl(summary: ArticleSummary, url: string): string | null {
    if (!this.#normalizedUrls.has(summary)) this.#normalizedUrls.set(summary, normalizeUrl(url));
    return this.#normalizedUrls.get(summary) ?? null;
  }

  /**
   * Writes a new article folder. Everything goes into a staging folder first
   * and is renamed into place at the end, so a failed import leaves nothing.
   */
  async add(article: NewArticle): Promise<ArticleMeta> {
    const now = this.now();
    const id = newArticleId(now);
    const meta: ArticleMeta = {
      id,
      ...article.fields,
      addedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      status: 'inbox',
      favorite: false,
      tags: [],
      progress: 0,
      note: '',
      source: { ...article.source, original: `original.${article.original.extension}` },
      highlights: [],
      ...(article.pending ? { pending: article.pending } : {}),
    };
    await this.#writeFolder(id, meta, article);
    return meta;
  }

  /**
   * Replaces a (pending) article's content with a fetched one, keeping what
   * the person gave it: id, added date, tags, state, note and highlights.
   */
  async replace(id: string, article: NewArticle): Promise<ArticleMeta> {
    return this.#exclusive(id, () => this.#replace(id, article));
  }

  async #replace(id: string, article: NewArticle): Promise<ArticleMeta> {
    if (this.#entry(id).place !== 'articles') {
      throw new LecternError('not-found', 'That article is in the trash; restore it first.');
    }
    const { pending: _pending, leadImage: _leadImage, ...kept } = await this.#readMeta(id, 'articles');
    const meta: ArticleMeta = {
      ...kept,
      ...article.fields,
      updatedAt: this.now().toISOString(),
      source: { ...article.source, original: `original.${article.original.extension}` },
      ...(article.pending ? { pending: article.pending } : {}),
    };
    const final = join(this.dir, 'articles', id);
    const aside = join(this.dir, 'articles', `${STAGING_PREFIX}old-${id}`);
    await rename(final, aside).catch((error: unknown) => {
      throw storageError(this.dir, 'update the article', error);
    });
    try {
      await this.#writeFolder(id, meta, article);
    } catch (error) {
      await rename(aside, final);
      throw error;
    }
    await rm(aside, { recursive: true, force: true });
    return meta;
  }

  /** Writes images into an article folder's assets/, refusing any name that is not a content hash. */
  async #writeAssets(folder: string, assets: NewArticle['assets']): Promise<void> {
    await mkdir(join(folder, 'assets'), { recursive: true });
    for (const asset of assets) {
      if (!isAssetName(asset.name)) throw new Error(`not an asset name: ${asset.name}`);
      await writeFileAtomic(join(folder, 'assets', asset.name), asset.bytes);
    }
  }

  async #writeFolder(id: string, meta: ArticleMeta, article: NewArticle): Promise<void> {
    const staging = join(this.dir, 'articles', `${STAGING_PREFIX}${id}`);
    const final = join(this.dir, 'articles', id);
    try {
      await this.#writeAssets(staging, article.assets);
      await writeFileAtomic(join(staging, 'content.html'), article.html);
      await writeFileAtomic(join(staging, meta.source.original), article.original.bytes);
      await writeFileAtomic(join(staging, 'article.json'), `${JSON.stringify(meta, null, 2)}\n`);
      await rename(staging, final);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw storageError(this.dir, 'save the article', error);
    }
    await this.#record(meta, 'articles');
  }

  /**
   * Applies `change` to an article's full record and writes it. A change that
   * returns false changed nothing, and nothing is written.
   */
  async update(id: string, change: (meta: ArticleMeta) => void | false): Promise<ArticleMeta> {
    return this.#exclusive(id, () => this.#update(id, change));
  }

  async #update(id: string, change: (meta: ArticleMeta) => void | false): Promise<ArticleMeta> {
    const { place } = this.#entry(id);
    const next = await this.#readMeta(id, place);
    if (change(next) === false) return next;
    next.updatedAt = this.now().toISOString();
    try {
      await writeFileAtomic(this.#articlePath(id, place), `${JSON.stringify(next, null, 2)}\n`);
    } catch (error) {
      throw storageError(this.dir, 'save the change', error);
    }
    await this.#record(next, place);
    return next;
  }

  /**
   * Puts images fetched after the import into an article: the image files
   * first, then content.html pointing at them, so a failure part-way leaves
   * the article as it was, at worst with an unused file in assets/.
   * `leadImage` ("assets/<name>") is taken when the article had none.
   */
  async addImages(
    id: string,
    html: string,
    assets: NewArticle['assets'],
    leadImage: string | null,
  ): Promise<ArticleMeta> {
    return this.#exclusive(id, async () => {
      const folder = join(this.dir, this.#entry(id).place, id);
      try {
        await this.#writeAssets(folder, assets);
        await writeFileAtomic(join(folder, 'content.html'), html);
      } catch (error) {
        throw storageError(this.dir, 'save the images', error);
      }
      return this.#update(id, (meta) => {
        if (leadImage) meta.leadImage ??= leadImage;
      });
    });
  }

  /** Moves an article's folder to trash/, noting when, so it can be restored or purged later. */
  async trash(id: string): Promise<ArticleSummary> {
    return this.#move(id, 'articles', 'trash', (meta) => {
      meta.trashedAt = this.now().toISOString();
    });
  }

  /** Moves a trashed article back into the library, as it was. */
  async restore(id: string): Promise<ArticleSummary> {
    return this.#move(id, 'trash', 'articles', (meta) => {
      delete meta.trashedAt;
    });
  }

  /** Deletes a trashed article's folder for good. */
  async purge(id: string): Promise<void> {
    await this.#exclusive(id, async () => {
      const entry = this.#entry(id);
      if (entry.place !== 'trash')
        throw new LecternError('invalid-argument', 'Only articles in the trash can be deleted for good.');
      try {
        await rm(join(this.dir, 'trash', id), { recursive: true, force: true });
      } catch (error) {
        throw storageError(this.dir, 'delete the article for good', error);
      }
      this.#entries.delete(id);
      this.#scheduleSave();
    });
  }

  async #move(
    id: string,
    from: Place,
    to: Place,
    mark: (meta: ArticleMeta) => void,
  ): Promise<ArticleSummary> {
    return this.#exclusive(id, async () => {
      const entry = this.#entry(id);
      if (entry.place !== from) {
        throw new LecternError(
          'not-found',
          from === 'trash' ? 'That article is not in the trash.' : 'That article is already in the trash.',
        );
      }
      const meta = await this.#readMeta(id, from);
      mark(meta);
      try {
        await writeFileAtomic(this.#articlePath(id, from), `${JSON.stringify(meta, null, 2)}\n`);
        await rename(join(this.dir, from, id), join(this.dir, to, id));
      } catch (error) {
        throw storageError(
          this.dir,
          to === 'trash' ? 'move the article to the trash' : 'restore the article',
          error,
        );
      }
      return (await this.#record(meta, to)).summary;
    });
  }

  async #record(meta: ArticleMeta, place: Place): Promise<CatalogEntry> {
    const info = await stat(this.#articlePath(meta.id, place));
    const entry: CatalogEntry = {
      place,
      stamp: { mtimeMs: info.mtimeMs, size: info.size },
      summary: summarize(meta),
    };
    this.#entries.set(meta.id, entry);
    this.#scheduleSave();
    return entry;
  }

  /** Changes lectern.json (tag colours, saved views, settings) and writes it. */
  async updateFile(change: (file: LibraryFile) => void): Promise<void> {
    const previous = structuredClone(this.file.data);
    change(this.file.data);
    try {
      await this.file.write();
    } catch (error) {
      this.file.data = previous;
      throw storageError(this.dir, 'save lectern.json', error);
    }
  }

  #exclusive<T>(id: string, run: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(id) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    this.#queues.set(id, settled);
    void settled.then(() => {
      if (this.#queues.get(id) === settled) this.#queues.delete(id);
    });
    return next;
  }

  /** One feature's entry in lectern.json's `settings`, as stored (unchecked). */
  setting(key: string): unknown {
    return this.file.data.settings[key];
  }

  /** Replaces one feature's entry in lectern.json's `settings` and writes the file. */
  async putSetting(key: string, value: unknown): Promise<void> {
    await this.updateFile((file) => {
      file.settings = { ...file.settings, [key]: value };
    });
  }

  #entry(id: string): CatalogEntry {
    const entry = this.#entries.get(id);
    if (!entry) throw new LecternError('not-found', 'That article is no longer in the library.');
    return entry;
  }
}
