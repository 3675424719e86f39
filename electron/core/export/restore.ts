/**
 * Restoring a backup (backup.ts), into an empty library or merged into one
 * that has articles. Into a folder, the caller holds its lock and no Lectern
 * has it open; a merge from the window instead hands over the open Library,
 * which takes in the folders moved under it by a rescan and joins the rest
 * through its own updates. previewBackup runs the same checks and the merge
 * on copies in memory, so a person sees the clashes before anything is
 * written.
 *
 * Nothing in the archive is trusted. Before anything is written: the zip is
 * opened with caps on entry count and sizes (files/zip.ts); the manifest must be a
 * Lectern backup of a format version this Lectern reads; the archive must
 * hold exactly the files the manifest lists, each under lectern.json,
 * articles/<id>/ or trash/<id>/. Every file is then extracted into a staging
 * folder inside the library and checked against its SHA-256 and size; any
 * mismatch removes the staging folder and leaves the library as it was.
 * Only then are the article folders renamed into place (one rename each,
 * quick and on the same disk) and lectern.json last.
 *
 * Merging keeps everything: an article only in the backup is moved in; one
 * in both gets the union of highlights (by highlight id; the later-edited
 * copy wins when both changed one), of tags, and both notes; tag colours
 * and saved views are joined with the library's own winning a clash. Each
 * clash is reported in words.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { createHash } from 'node:crypto';
import type { Highlight } from '../../shared/annotation';
import type { RestorePreviewInfo } from '../../shared/api';
import type { ArticleMeta } from '../../shared/article';
import { LecternError } from '../../shared/errors';
import { isArticleId } from '../../shared/ids';
import { withTag } from '../../shared/tags';
import { LIBRARY_FORMAT_VERSION, type LibraryFile } from '../library/format';
import { Library } from '../library/library';
import { LIBRARY_FILE } from '../library/library-file';
import { storageError } from '../library/storage-error';
import { BACKUP_FORMAT_VERSION, MANIFEST_NAME, type BackupFile, type BackupManifest } from './backup';
import { openZip, type ZipLimits, type ZipReader } from '../files/zip';

export const BACKUP_LIMITS: ZipLimits = {
  maxEntries: 2_000_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024 * 1024,
};

const STAGING_PREFIX = '.restore-';

export interface RestoreOptions {
  /** Merge into a library that already has articles; without it, the library must be empty. */
  merge?: boolean;
  /**
   * The library at `dir` as the running app holds it, for a merge from the
   * window: folders moved in are taken in by its rescan, merged articles go
   * through its own updates, and it stays open.
   */
  library?: Library;
  onProgress?: (done: number, total: number) => void;
}

export interface RestoreReport {
  /** Article folders (library and trash) moved in whole. */
  added: number;
  /** Articles present in both, joined. */
  merged: number;
  /** Each clash a merge resolved, in words. */
  conflicts: string[];
}

/** What a backup holds and what restoring it would do (the API's preview, less the folder the service suggests). */
export type RestorePreview = Omit<RestorePreviewInfo, 'suggestedDir'>;

const refuse = (label: string, reason: string) =>
  new LecternError('invalid-argument', `${label} cannot be restored: ${reason}. Nothing was changed.`);

/** Where a backup file may go: lectern.json, or inside an article folder in articles/ or trash/. */
function allowedPath(path: string): boolean {
  if (path === LIBRARY_FILE) return true;
  const parts = path.split('/');
  return (
    parts.length >= 3 &&
    (parts[0] === 'articles' || parts[0] === 'trash') &&
    isArticleId(parts[1] as string) &&
    parts.every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes('\\'))
  );
}

function readManifest(text: string, label: string): BackupManifest {
  let value: Partial<BackupManifest>;
  try {
    value = JSON.parse(text) as Partial<BackupManifest>;
  } catch {
    throw refuse(label, 'its manifest is damaged');
  }
  if (
    value.format !== 'lectern-backup' ||
    typeof value.formatVersion !== 'number' ||
    !Array.isArray(value.files)
  )
    throw refuse(label, 'it is not a Lectern backup');
  if (
    value.formatVersion > BACKUP_FORMAT_VERSION ||
    (value.libraryFormatVersion ?? 0) > LIBRARY_FORMAT_VERSION
  ) {
    throw new LecternError(
      'unsupported-type',
      `${label} was made by a newer Lectern (${value.appVersion ?? 'unknown version'}, backup format ${value.formatVersion}); update Lectern to restore it. Nothing was changed.`,
    );
  }
  for (const file of value.files as Partial<BackupFile>[]) {
    if (typeof file.path !== 'string' || typeof file.size !== 'number' || typeof file.sha256 !== 'string')
      throw refuse(label, 'its manifest is damaged');
    if (!allowedPath(file.path))
      throw refuse(label, `it holds “${file.path}”, which is not a place in a library`);
  }
  return value as BackupManifest;
}

/** Opens and checks the archive and its manifest; writes nothing. */
async function openBackup(
  path: string,
  label: string,
): Promise<{ zip: ZipReader; manifest: BackupManifest }> {
  const zip = await openZip(path, BACKUP_LIMITS, label);
  try {
    const manifestItem = zip.items.find((item) => item.name === MANIFEST_NAME);
    if (!manifestItem) throw refuse(label, 'it has no manifest, so it is not a Lectern backup');
    const manifest = readManifest((await zip.bytes(manifestItem)).toString('utf8'), label);
    const listed = new Map(manifest.files.map((file) => [file.path, file]));
    const inside = zip.items.filter((item) => item !== manifestItem);
    if (inside.length !== listed.size) throw refuse(label, 'it does not hold the files its manifest lists');
    for (const item of inside) {
      if (listed.get(item.name)?.size !== item.size)
        throw refuse(label, `“${item.name}” is not the file its manifest lists`);
    }
    return { zip, manifest };
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function extractVerified(
  zip: ZipReader,
  manifest: BackupManifest,
  staging: string,
  label: string,
  options: RestoreOptions,
) {
  const byPath = new Map(manifest.files.map((file) => [file.path, file]));
  let done = 0;
  for (const item of zip.items) {
    const expected = byPath.get(item.name);
    if (!expected) continue;
    const target = join(staging, ...item.name.split('/'));
    await mkdir(dirname(target), { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    const counting = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(await zip.stream(item), counting, createWriteStream(target));
    } catch (error) {
      if (error instanceof LecternError) throw error;
      throw refuse(label, `“${item.name}” could not be read back (${(error as Error).message})`);
    }
    if (size !== expected.size || hash.digest('hex') !== expected.sha256)
      throw refuse(label, `“${item.name}” does not match its checksum, so the backup is damaged`);
    options.onProgress?.(++done, byPath.size);
  }
}

async function articleFolders(dir: string): Promise<{ place: 'articles' | 'trash'; id: string }[]> {
  const out: { place: 'articles' | 'trash'; id: string }[] = [];
  for (const place of ['articles', 'trash'] as const) {
    const names = await readdir(join(dir, place)).catch(() => [] as string[]);
    for (const id of names) if (isArticleId(id)) out.push({ place, id });
  }
  return out;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function mergeHighlights(
  mine: Highlight[],
  theirs: Highlight[],
  title: string,
  conflicts: string[],
): Highlight[] {
  const byId = new Map(mine.map((h) => [h.id, h]));
  for (const other of theirs) {
    const own = byId.get(other.id);
    if (!own) byId.set(other.id, other);
    else if (JSON.stringify(own) !== JSON.stringify(other)) {
      const keep = other.updatedAt > own.updatedAt ? other : own;
      byId.set(other.id, keep);
      conflicts.push(
        `“${title}”: a highlight was changed in both; the copy edited last (${keep.updatedAt}) was kept.`,
      );
    }
  }
  return [...byId.values()];
}

function mergeArticle(meta: ArticleMeta, backup: ArticleMeta, conflicts: string[]): void {
  meta.highlights = mergeHighlights(meta.highlights, backup.highlights, meta.title, conflicts);
  meta.tags = backup.tags.reduce(withTag, meta.tags);
  const [mine, theirs] = [meta.note.trim(), backup.note.trim()];
  if (theirs && !mine.includes(theirs)) {
    if (mine)
      conflicts.push(`“${meta.title}”: its note differed; both versions were kept, the backup’s below.`);
    meta.note = mine ? `${mine}\n\n${theirs}` : backup.note;
  }
}

function mergeLibraryFile(file: LibraryFile, backup: LibraryFile, conflicts: string[]): void {
  for (const [tag, color] of Object.entries(backup.tagColors)) {
    if (!(tag in file.tagColors)) file.tagColors[tag] = color;
    else if (file.tagColors[tag] !== color)
      conflicts.push(`Tag “${tag}” has a different colour in the backup; the library’s was kept.`);
  }
  for (const view of backup.savedViews) {
    const own = file.savedViews.find((v) => v.name === view.name);
    if (!own) file.savedViews.push(view);
    else if (own.query !== view.query)
      conflicts.push(
        `Saved view “${view.name}” has a different query in the backup; the library’s was kept.`,
      );
  }
  file.settings = { ...backup.settings, ...file.settings };
}

/** Copies into `into` each file of `from` that `into` lacks (images an older copy did not have). */
async function addMissingFiles(from: string, into: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(into, entry.name);
    if (entry.isDirectory()) {
      await mkdir(target, { recursive: true });
      await addMissingFiles(source, target);
    } else if (!(await exists(target))) {
      await rename(source, target);
    }
  }
}

/** The article folders a manifest lists, by place. */
function manifestArticles(manifest: BackupManifest): { place: 'articles' | 'trash'; id: string }[] {
  const seen = new Map<string, 'articles' | 'trash'>();
  for (const { path } of manifest.files) {
    const [place, id] = path.split('/') as ['articles' | 'trash', string];
    if (id && path !== LIBRARY_FILE) seen.set(`${place}/${id}`, place);
  }
  return [...seen].map(([key, place]) => ({ place, id: key.slice(place.length + 1) }));
}

/**
 * Checks the backup at `backupPath` as restore would (a newer format, a
 * damaged archive or manifest are refused the same way) and says what it
 * holds; with `library`, also which articles it shares with it and the
 * clashes a merge would report, by running the merge on copies in memory.
 */
export async function previewBackup(backupPath: string, library?: Library): Promise<RestorePreview> {
  const { zip, manifest } = await openBackup(backupPath, backupPath);
  try {
    const folders = manifestArticles(manifest);
    const conflicts: string[] = [];
    let alreadyPresent = 0;
    if (library) {
      const items = new Map(zip.items.map((item) => [item.name, item]));
      for (const { place, id } of folders) {
        const record = items.get(`${place}/${id}/article.json`);
        if (!library.has(id) || !record) continue;
        alreadyPresent++;
        const backup = JSON.parse((await zip.bytes(record)).toString('utf8')) as ArticleMeta;
        mergeArticle(structuredClone(await library.get(id)), backup, conflicts);
      }
      const file = items.get(LIBRARY_FILE);
      if (file) {
        const backup = JSON.parse((await zip.bytes(file)).toString('utf8')) as LibraryFile;
        const own: LibraryFile = {
          formatVersion: LIBRARY_FORMAT_VERSION,
          createdAt: '',
          tagColors: { ...library.file.tagColors() },
          savedViews: library.file.savedViews().map((view) => ({ ...view })),
          settings: {},
        };
        mergeLibraryFile(own, backup, conflicts);
      }
    }
    return {
      created: manifest.created,
      appVersion: manifest.appVersion,
      articles: folders.filter((f) => f.place === 'articles').length,
      trashed: folders.filter((f) => f.place === 'trash').length,
      alreadyPresent,
      conflicts,
    };
  } catch (error) {
    throw error instanceof LecternError ? error : refuse(backupPath, 'its files are damaged');
  } finally {
    zip.close();
  }
}

/** Restores the backup at `backupPath` into the library folder `dir`. */
export async function restoreBackup(
  backupPath: string,
  dir: string,
  options: RestoreOptions = {},
): Promise<RestoreReport> {
  const label = backupPath;
  const { zip, manifest } = await openBackup(backupPath, label);
  const report: RestoreReport = { added: 0, merged: 0, conflicts: [] };
  const present = await articleFolders(dir);
  if (!options.merge && present.length > 0) {
    zip.close();
    throw new LecternError(
      'invalid-argument',
      `The library at ${dir} already has articles; restore into an empty folder, or merge into this one. Nothing was changed.`,
    );
  }
  let staging = '';
  try {
    await mkdir(dir, { recursive: true });
    for (const name of await readdir(dir)) {
      if (name.startsWith(STAGING_PREFIX)) await rm(join(dir, name), { recursive: true, force: true });
    }
    staging = join(dir, `${STAGING_PREFIX}${randomBytes(4).toString('hex')}`);
    await extractVerified(zip, manifest, staging, label, options);
  } catch (error) {
    if (staging) await rm(staging, { recursive: true, force: true });
    throw error instanceof LecternError ? error : storageError(dir, 'restore the backup', error);
  } finally {
    zip.close();
  }
  try {
    const presentIds = new Map(present.map(({ place, id }) => [id, place]));
    const merging: { place: 'articles' | 'trash'; id: string }[] = [];
    for (const { place, id } of await articleFolders(staging)) {
      if (presentIds.has(id)) {
        merging.push({ place, id });
        continue;
      }
      await mkdir(join(dir, place), { recursive: true });
      await rename(join(staging, place, id), join(dir, place, id));
      report.added++;
    }
    const backupFile = join(staging, LIBRARY_FILE);
    if (!options.merge) {
      if (await exists(backupFile)) await rename(backupFile, join(dir, LIBRARY_FILE));
      return report;
    }
    const library = options.library ?? (await Library.open(dir));
    try {
      if (options.library && report.added > 0) await library.rescan();
      for (const { place, id } of merging) {
        const backup = JSON.parse(
          await readFile(join(staging, place, id, 'article.json'), 'utf8'),
        ) as ArticleMeta;
        await addMissingFiles(join(staging, place, id), join(dir, presentIds.get(id) as string, id));
        await library.update(id, (meta) => mergeArticle(meta, backup, report.conflicts));
        report.merged++;
      }
      if (await exists(backupFile)) {
        const backup = JSON.parse(await readFile(backupFile, 'utf8')) as LibraryFile;
        await library.file.join((file) => mergeLibraryFile(file, backup, report.conflicts));
      }
    } finally {
      if (!options.library) await library.close();
    }
    return report;
  } catch (error) {
    throw error instanceof LecternError ? error : storageError(dir, 'restore the backup', error);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
