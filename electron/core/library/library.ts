/**
 * The library on disk (README.md, "The library on disk"): lectern.json for
 * library-wide data and one folder per article. All article metadata is held
 * in memory after open, so listing never touches the disk; each article.json
 * is its own lowdb instance, so a write costs the same at 10 articles or
 * 10,000, and damage to one file stays with one article.
 */
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { ArticleMeta, ArticleSource } from '../../shared/article';
import { LecternError } from '../../shared/errors';
import { isArticleId } from '../../shared/ids';
import { writeFileAtomic } from '../files/atomic-write';
import { LIBRARY_FORMAT_VERSION, migrateLibraryFile, newLibraryFile, type LibraryFile } from './format';
import { newArticleId } from './ids';
import { DamagedFileError, JsonFile } from './json-file';
import { storageError } from './storage-error';

export const LIBRARY_FILE = 'lectern.json';
const STAGING_PREFIX = '.staging-';

/** What an importer hands over: the extracted article and the bytes it came from. */
export interface NewArticle {
  fields: Pick<
    ArticleMeta,
    'title' | 'byline' | 'siteName' | 'url' | 'published' | 'lang' | 'excerpt' | 'wordCount'
  >;
  html: string;
  source: Omit<ArticleSource, 'original'>;
  original: { bytes: Uint8Array; extension: string };
}

/** Something found wrong while opening, reported rather than fatal. */
export interface LibraryProblem {
  path: string;
  message: string;
}

type ArticleDb = Low<ArticleMeta>;

function looksLikeArticle(value: unknown, id: string): value is ArticleMeta {
  if (typeof value !== 'object' || value === null) return false;
  const meta = value as Partial<ArticleMeta>;
  return meta.id === id && typeof meta.title === 'string' && typeof meta.addedAt === 'string';
}

export class Library {
  readonly problems: LibraryProblem[] = [];
  readonly #articles = new Map<string, ArticleDb>();

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
    } catch (error) {
      throw storageError(dir, 'create its folders', error);
    }
    const file = await Library.#openLibraryFile(dir, now);
    const library = new Library(dir, file.db, now);
    library.problems.push(...file.problems);
    await library.#loadArticles();
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

  async #loadArticles(): Promise<void> {
    const articlesDir = join(this.dir, 'articles');
    const entries = await readdir(articlesDir, { withFileTypes: true });
    // A staging folder is an import that never finished: remove it.
    await Promise.all(
      entries
        .filter((entry) => entry.name.startsWith(STAGING_PREFIX))
        .map((entry) => rm(join(articlesDir, entry.name), { recursive: true, force: true })),
    );
    const ids = entries.filter((e) => e.isDirectory() && isArticleId(e.name)).map((e) => e.name);
    const BATCH = 64;
    for (let i = 0; i < ids.length; i += BATCH) {
      await Promise.all(ids.slice(i, i + BATCH).map((id) => this.#loadArticle(id)));
    }
  }

  async #loadArticle(id: string): Promise<void> {
    const path = join(this.dir, 'articles', id, 'article.json');
    const db = new Low<ArticleMeta | null>(new JsonFile(path), null);
    try {
      await db.read();
    } catch {
      this.problems.push({ path, message: `${path} is damaged; the article is skipped and left on disk.` });
      return;
    }
    if (!looksLikeArticle(db.data, id)) {
      this.problems.push({
        path,
        message: `${path} is not an article record; it is skipped and left on disk.`,
      });
      return;
    }
    this.#articles.set(id, db as ArticleDb);
  }

  /** Every article, newest first. */
  list(): ArticleMeta[] {
    return [...this.#articles.values()]
      .map((db) => db.data)
      .sort((a, b) => (a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : 0));
  }

  get(id: string): ArticleMeta {
    return this.#db(id).data;
  }

  async content(id: string): Promise<string> {
    this.#db(id);
    try {
      return await readFile(join(this.dir, 'articles', id, 'content.html'), 'utf8');
    } catch (error) {
      throw storageError(this.dir, 'read the article’s content', error);
    }
  }

  /**
   * Writes a new article folder. Everything goes into a staging folder first
   * and is renamed into place at the end, so a failed import leaves nothing.
   */
  async add(article: NewArticle): Promise<ArticleMeta> {
    const now = this.now();
    const id = newArticleId(now);
    const staging = join(this.dir, 'articles', `${STAGING_PREFIX}${id}`);
    const final = join(this.dir, 'articles', id);
    const original = `original.${article.original.extension}`;
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
      source: { ...article.source, original },
      highlights: [],
    };
    try {
      await mkdir(join(staging, 'assets'), { recursive: true });
      await writeFileAtomic(join(staging, 'content.html'), article.html);
      await writeFileAtomic(join(staging, original), article.original.bytes);
      await writeFileAtomic(join(staging, 'article.json'), `${JSON.stringify(meta, null, 2)}\n`);
      await rename(staging, final);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw storageError(this.dir, 'save the article', error);
    }
    const db = new Low<ArticleMeta>(new JsonFile(join(final, 'article.json')), meta);
    this.#articles.set(id, db);
    return meta;
  }

  /** Applies `change` to an article's metadata and writes it. */
  async update(id: string, change: (meta: ArticleMeta) => void): Promise<ArticleMeta> {
    const db = this.#db(id);
    const next = structuredClone(db.data);
    change(next);
    next.updatedAt = this.now().toISOString();
    const previous = db.data;
    db.data = next;
    try {
      await db.write();
    } catch (error) {
      db.data = previous;
      throw storageError(this.dir, 'save the change', error);
    }
    return next;
  }

  /** One feature's entry in lectern.json's `settings`, as stored (unchecked). */
  setting(key: string): unknown {
    return this.file.data.settings[key];
  }

  /** Replaces one feature's entry in lectern.json's `settings` and writes the file. */
  async putSetting(key: string, value: unknown): Promise<void> {
    const previous = this.file.data.settings;
    this.file.data.settings = { ...previous, [key]: value };
    try {
      await this.file.write();
    } catch (error) {
      this.file.data.settings = previous;
      throw storageError(this.dir, 'save the settings', error);
    }
  }

  /** Moves an article's folder to trash/, where it can be restored by hand. */
  async trash(id: string): Promise<void> {
    this.#db(id);
    try {
      await rename(join(this.dir, 'articles', id), join(this.dir, 'trash', id));
    } catch (error) {
      throw storageError(this.dir, 'move the article to the trash', error);
    }
    this.#articles.delete(id);
  }

  #db(id: string): ArticleDb {
    const db = this.#articles.get(id);
    if (!db) throw new LecternError('not-found', 'That article is no longer in the library.');
    return db;
  }
}
