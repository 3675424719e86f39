/**
 * The library on disk (docs/data-format.md): lectern.json for
 * library-wide data (library-file.ts) and one folder per article, in
 * articles/ or trash/ (article-folder.ts), holding its record, article.json
 * (article-record.ts). Memory holds one summary per article (catalog.ts).
 *
 * This class is where those meet: every change to an article reads its file,
 * changes it and writes it back atomically, one change at a time per article,
 * so a write costs the same at 10 articles or 10,000 and picks up edits made
 * by other tools; and every write announces itself on the change feed
 * (change-feed.ts), so the services above never have to.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { summarize, type ArticleMeta, type ArticleSummary } from '../../shared/article';
import { KeyedSerialQueue, mapBounded } from '../../shared/async';
import { LecternError } from '../../shared/errors';
import { isArticleId } from '../../shared/ids';
import { writeFileAtomic } from '../files/atomic-write';
import {
  articleFolder,
  moveArticleFolder,
  readContent,
  recordPath,
  replaceArticleFolder,
  writeArticleFolder,
  writeAssets,
  type NewArticle,
  type Place,
} from './article-folder';
import { readRecord, untouchedState, writeRecord, type Stamp } from './article-record';
import { listVersions, readVersion, saveVersion, versionOf, type StoredVersion } from './article-versions';
import { CACHE_DIR, Catalog, type CatalogChanges } from './catalog';
import { ChangeFeed, type LibraryListener } from './change-feed';
import { BatchWriteError, writeFolderBatch } from './folder-batch';
import { HighlightCache } from './highlight-cache';
import { newArticleId } from './ids';
import { LibraryFileStore } from './library-file';
import { isMissing, readOwnBytes } from './own-file';
import { pendingOriginal } from './pending-link';
import { watchLibrary, type LibraryWatcher } from './library-watcher';
import { storageError, type LibraryProblem } from './storage-error';
import { sweepTempFiles } from './temp-files';

export type { NewArticle } from './article-folder';

/** Article folders swept for stray temporary files at once, after open. */
const TEMP_SWEEP_BATCH = 32;

/** The highlights and note of a record, to tell whether a change touched them. */
const annotationsOf = (meta: ArticleMeta) => JSON.stringify([meta.highlights, meta.note]);

export class Library {
  /** Every annotated article's highlights, for the Highlights view (derived, in .cache/). */
  readonly highlights: HighlightCache;
  /** The change in progress per article; the next one waits for it. */
  readonly #exclusive = new KeyedSerialQueue<string>();
  #watcher: LibraryWatcher | null = null;

  private constructor(
    readonly dir: string,
    /** lectern.json: tag colours, saved views, the reader's settings. */
    readonly file: LibraryFileStore,
    private readonly catalog: Catalog,
    private readonly changes: ChangeFeed,
    readonly problems: LibraryProblem[],
    private readonly now: () => Date,
    /** When this process opened the library: temporary files older than this are strays. */
    private readonly openedAt: number,
  ) {
    this.highlights = new HighlightCache(dir, this);
  }

  /** Opens the library at `dir`, creating it when it does not exist. */
  static async open(dir: string, now: () => Date = () => new Date()): Promise<Library> {
    try {
      for (const folder of ['articles', 'trash', CACHE_DIR])
        await mkdir(join(dir, folder), { recursive: true });
    } catch (error) {
      throw storageError(dir, 'create its folders', error);
    }
    const openedAt = Date.now();
    for (const folder of [dir, join(dir, CACHE_DIR)]) await sweepTempFiles(folder, openedAt);
    const changes = new ChangeFeed();
    const problems: LibraryProblem[] = [];
    const file = await LibraryFileStore.open(dir, now, changes, problems);
    const catalog = await Catalog.load(dir, problems, now);
    return new Library(dir, file, catalog, changes, problems, now, openedAt);
  }

  /** Hears every change the library makes or finds; returns the way to stop. */
  onChange(listener: LibraryListener): () => void {
    return this.changes.subscribe(listener);
  }

  /** Runs `run`, announcing the article changes it makes as one event when it ends. */
  batch<T>(run: () => Promise<T>): Promise<T> {
    return this.changes.batch(run);
  }

  /**
   * Rereads the articles whose files changed behind Lectern's back since the
   * catalog was saved, and announces them. Run after open, in the background.
   */
  async verify(): Promise<CatalogChanges> {
    const found = await this.catalog.verify((id, run) => this.#exclusive.run(id, run));
    this.changes.articles(found.changed, found.removed);
    const folders = (['articles', 'trash'] as const).flatMap((place) =>
      this.catalog.summaries(place).map(({ id }) => articleFolder(this.dir, place, id)),
    );
    await mapBounded(folders, TEMP_SWEEP_BATCH, async (folder) => {
      await sweepTempFiles(folder, this.openedAt);
      await sweepTempFiles(join(folder, 'assets'), this.openedAt);
    });
    return found;
  }

  /** Articles whose files were found damaged and recovered, not yet accepted by the person. */
  damaged(): ArticleSummary[] {
    return this.catalog.summaries().filter((summary) => summary.damage !== undefined);
  }

  /**
   * Takes a recovered article as it now is: the damage mark goes, the
   * set-aside files stay on disk for whoever wants to look.
   */
  async acceptRecovered(id: string): Promise<ArticleSummary> {
    return summarize(
      await this.update(id, (meta) => {
        if (!meta.damage) return false;
        delete meta.damage;
      }),
    );
  }

  /**
   * Takes in article folders that appeared, changed or went away behind
   * Lectern's back (a sync tool) and announces them: verify() for the known
   * ones, then every folder the catalog does not know yet. A folder that
   * cannot be read yet (still being copied) is left for the next rescan.
   */
  async rescan(): Promise<void> {
    await this.verify();
    const added: ArticleSummary[] = [];
    for (const place of ['articles', 'trash'] as const) {
      let names: string[];
      try {
        names = await readdir(join(this.dir, place));
      } catch {
        continue;
      }
      for (const id of names) {
        if (!isArticleId(id) || this.catalog.has(id)) continue;
        await this.#exclusive
          .run(id, async () => {
            if (this.catalog.has(id)) return;
            const meta = await readRecord(this.dir, recordPath(this.dir, place, id), id);
            added.push((await this.catalog.record(meta, place)).summary);
          })
          .catch(() => undefined);
      }
    }
    this.changes.articles(added);
  }

  /** Watches the folder for changes other programs make (library-watcher.ts) until close(). */
  watch(rescanMs?: number): void {
    this.#watcher ??= watchLibrary(
      {
        dir: this.dir,
        reloadFile: () => this.file.reload(),
        rescan: () => this.rescan(),
        knows: (place, names) => this.#knows(place, names),
      },
      rescanMs,
    );
  }

  /** Whether every named folder of `place` is as the catalog has it (names that are no article's id pass). */
  async #knows(place: Place, names: Iterable<string>): Promise<boolean> {
    for (const name of names) {
      if (isArticleId(name) && !(await this.catalog.matchesDisk(place, name))) return false;
    }
    return true;
  }

  /** Saves the catalog cache now. Failures only cost a slower next open. */
  flush(): Promise<void> {
    return this.catalog.flush();
  }

  /** Saves what is pending; call before the process exits. */
  async close(): Promise<void> {
    this.#watcher?.close();
    await this.catalog.close();
    await this.highlights.flush();
  }

  list(): ArticleSummary[] {
    return this.catalog.list();
  }

  /** Changes whenever any article's summary changes, appears or goes (Catalog.generation). */
  get generation(): number {
    return this.catalog.generation;
  }

  trashed(): ArticleSummary[] {
    return this.catalog.trashed();
  }

  summaries(place?: Place): ArticleSummary[] {
    return this.catalog.summaries(place);
  }

  summary(id: string): ArticleSummary {
    return this.catalog.entry(id).summary;
  }

  has(id: string): boolean {
    return this.catalog.has(id);
  }

  findDuplicate(sha256: string | null, url: string | null): ArticleSummary | null {
    return this.catalog.findDuplicate(sha256, url);
  }

  /** The full record, highlights and note included, read from disk. */
  async get(id: string): Promise<ArticleMeta> {
    return readRecord(this.dir, recordPath(this.dir, this.catalog.entry(id).place, id), id);
  }

  async content(id: string): Promise<string> {
    return readContent(this.dir, this.catalog.entry(id).place, id);
  }

  /** Writes a new article folder; a failed import leaves nothing. */
  async add(article: NewArticle): Promise<ArticleMeta> {
    const meta = this.#newRecord(article);
    await writeArticleFolder(this.dir, meta, article);
    await this.#record(meta, 'articles');
    return meta;
  }

  /**
   * Writes many new articles as one batch (folder-batch.ts), each complete
   * at once: `complete` sets what the caller knows beyond the article
   * itself (tags, state, dates, highlights) before anything is written, so
   * no article is written and then changed. They are taken into the catalog
   * and announced together. A failure part-way is a value: `added` holds the
   * articles in place (the first of those given), `failure` says why the
   * rest are not.
   */
  async addMany(
    articles: { article: NewArticle; complete?: (meta: ArticleMeta) => void }[],
  ): Promise<{ added: ArticleMeta[]; failure: LecternError | null }> {
    const folders = articles.map(({ article, complete }) => {
      const meta = this.#newRecord(article);
      complete?.(meta);
      return { meta, article };
    });
    let stamps: Stamp[];
    let failure: LecternError | null = null;
    try {
      stamps = await writeFolderBatch(this.dir, folders);
    } catch (error) {
      if (!(error instanceof BatchWriteError)) throw error;
      stamps = error.written;
      failure = storageError(this.dir, 'save the articles', error.reason);
    }
    const added = folders.slice(0, stamps.length).map(({ meta }) => meta);
    this.changes.articles(
      added.map(
        (meta, index) => this.catalog.recordStamped(meta, 'articles', stamps[index] as Stamp).summary,
      ),
    );
    return { added, failure };
  }

  /** The record a new article starts with. */
  #newRecord(article: NewArticle): ArticleMeta {
    const now = this.now();
    return {
      id: newArticleId(now),
      ...article.fields,
      addedAt: now.toISOString(),
      ...untouchedState(now),
      source: { ...article.source, original: `original.${article.original.extension}` },
      ...(article.pending ? { pending: article.pending } : {}),
    };
  }

  /**
   * Replaces a (pending) article's content with a fetched one, keeping what
   * the person gave it: id, added date, tags, state, note and highlights.
   */
  async replace(id: string, article: NewArticle): Promise<ArticleMeta> {
    return this.#exclusive.run(id, async () => {
      if (this.catalog.entry(id).place !== 'articles') {
        throw new LecternError('not-found', 'That article is in the trash; restore it first.');
      }
      const { pending: _pending, leadImage: _leadImage, ...kept } = await this.get(id);
      const meta: ArticleMeta = {
        ...kept,
        ...article.fields,
        updatedAt: this.now().toISOString(),
        source: { ...article.source, original: `original.${article.original.extension}` },
        ...(article.pending ? { pending: article.pending } : {}),
      };
      await replaceArticleFolder(this.dir, meta, article);
      await this.#record(meta, 'articles');
      return meta;
    });
  }

  /** The bytes the article was imported from (its original.<ext>, or a pending link's shortcut), for re-extraction. */
  async original(id: string): Promise<Uint8Array> {
    const { place } = this.catalog.entry(id);
    const meta = await this.get(id);
    try {
      return await readOwnBytes(join(articleFolder(this.dir, place, id), meta.source.original));
    } catch (error) {
      if (isMissing(error) && meta.pending && meta.url) return pendingOriginal(meta.url);
      throw storageError(this.dir, 'read the article’s original', error);
    }
  }

  /** The article's earlier contents (article-versions.ts), newest first. */
  async versions(id: string): Promise<StoredVersion[]> {
    return listVersions(articleFolder(this.dir, this.catalog.entry(id).place, id));
  }

  /** One earlier content of the article, with what extraction had found for it. */
  async version(id: string, versionId: string): Promise<{ version: StoredVersion; html: string }> {
    const found = await readVersion(articleFolder(this.dir, this.catalog.entry(id).place, id), versionId);
    if (!found)
      throw new LecternError('not-found', 'That earlier version of the article is no longer there.');
    return found;
  }

  /**
   * Replaces an article's content.html, keeping the one it replaces as a
   * version first, then adds `assets` (old ones stay: versions use them) and
   * applies `change` to the record (the new details, highlights placed
   * again). Returns the new record and the version kept.
   */
  async replaceContent(
    id: string,
    content: { html: string; assets: NewArticle['assets'] },
    replacedBy: StoredVersion['replacedBy'],
    change: (meta: ArticleMeta) => void,
  ): Promise<{ meta: ArticleMeta; version: StoredVersion }> {
    return this.#exclusive.run(id, async () => {
      if (this.catalog.entry(id).place !== 'articles') {
        throw new LecternError('not-found', 'That article is in the trash; restore it first.');
      }
      const folder = articleFolder(this.dir, 'articles', id);
      const now = this.now();
      let version: StoredVersion;
      try {
        const [meta, html] = await Promise.all([this.get(id), this.content(id)]);
        version = await saveVersion(folder, versionOf(meta, now, replacedBy), html);
        await writeAssets(folder, content.assets);
        await writeFileAtomic(join(folder, 'content.html'), content.html);
      } catch (error) {
        throw storageError(this.dir, 'keep the article’s previous version', error);
      }
      const meta = await this.#update(id, (next) => {
        change(next);
        next.contentUpdatedAt = now.toISOString();
      });
      return { meta, version };
    });
  }

  /**
   * Applies `change` to an article's full record and writes it. A change that
   * returns false changed nothing, and nothing is written.
   */
  async update(id: string, change: (meta: ArticleMeta) => void | false): Promise<ArticleMeta> {
    return this.#exclusive.run(id, () => this.#update(id, change));
  }

  async #update(id: string, change: (meta: ArticleMeta) => void | false): Promise<ArticleMeta> {
    const { place } = this.catalog.entry(id);
    const next = await this.get(id);
    const annotations = annotationsOf(next);
    if (change(next) === false) return next;
    next.updatedAt = this.now().toISOString();
    try {
      await writeRecord(recordPath(this.dir, place, id), next);
    } catch (error) {
      throw storageError(this.dir, 'save the change', error);
    }
    await this.#record(next, place);
    if (annotationsOf(next) !== annotations) {
      this.changes.emit({
        type: 'annotations-changed',
        articleId: id,
        highlights: next.highlights,
        note: next.note,
      });
    }
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
    return this.#exclusive.run(id, async () => {
      const folder = articleFolder(this.dir, this.catalog.entry(id).place, id);
      try {
        await writeAssets(folder, assets);
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
    await this.#exclusive.run(id, async () => {
      if (this.catalog.entry(id).place !== 'trash')
        throw new LecternError('invalid-argument', 'Only articles in the trash can be deleted for good.');
      try {
        await rm(articleFolder(this.dir, 'trash', id), { recursive: true, force: true });
      } catch (error) {
        throw storageError(this.dir, 'delete the article for good', error);
      }
      this.catalog.delete(id);
      this.changes.articles([], [id]);
    });
  }

  async #move(
    id: string,
    from: Place,
    to: Place,
    mark: (meta: ArticleMeta) => void,
  ): Promise<ArticleSummary> {
    return this.#exclusive.run(id, async () => {
      if (this.catalog.entry(id).place !== from) {
        throw new LecternError(
          'not-found',
          from === 'trash' ? 'That article is not in the trash.' : 'That article is already in the trash.',
        );
      }
      const meta = await this.get(id);
      mark(meta);
      try {
        await writeRecord(recordPath(this.dir, from, id), meta);
        await moveArticleFolder(this.dir, id, from, to);
      } catch (error) {
        throw storageError(
          this.dir,
          to === 'trash' ? 'move the article to the trash' : 'restore the article',
          error,
        );
      }
      return this.#record(meta, to);
    });
  }

  /** Takes a written article into the catalog and announces it. */
  async #record(meta: ArticleMeta, place: Place): Promise<ArticleSummary> {
    const { summary } = await this.catalog.record(meta, place);
    this.changes.articles([summary]);
    return summary;
  }
}
