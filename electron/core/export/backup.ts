/**
 * A full backup: one zip holding the whole library as it sits on disk
 * (lectern.json, every article folder, and the trash unless left out) plus a
 * manifest, lectern-backup.json, written last: the backup's format version,
 * the app and library format versions, when it was made, and every file
 * with its size and SHA-256, so restore can prove each byte came back.
 *
 * Files are streamed into the zip one at a time and hashed as they pass, so
 * memory stays flat at any library size; text is deflated at level 1 and
 * already-compressed images are stored as they are. The derived .cache/ folder and
 * leftover temporary files are not part of a library and are left out.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { mapBounded } from '../../shared/async';
import { LIBRARY_FORMAT_VERSION } from '../library/format';
import { type Library } from '../library/library';
import { LIBRARY_FILE } from '../library/library-file';
import { APP_VERSION } from './app-version';
import { throwIfCancelled, type ExportProgress } from './articles';
import { writeOutputVia } from './output';
import { writeZip, type ZipSource } from '../files/zip';

export const BACKUP_FORMAT_VERSION = 1;

/** Article folders listed at once. */
const LISTING_CONCURRENCY = 8;

/** Images already compressed: deflating them again costs time and saves next to nothing, so they are stored. */
const COMPRESSED = /\.(jpe?g|png|webp|avif|gif)$/i;
export const MANIFEST_NAME = 'lectern-backup.json';

export interface BackupFile {
  /** "/"-separated, relative to the library folder. */
  path: string;
  size: number;
  sha256: string;
}

export interface BackupManifest {
  format: 'lectern-backup';
  formatVersion: number;
  appVersion: string;
  libraryFormatVersion: number;
  created: string;
  includesTrash: boolean;
  files: BackupFile[];
}

export interface BackupOptions extends ExportProgress {
  includeTrash?: boolean;
  now?: Date;
}

/** Every file under `folder`, "/"-separated and relative to it, temporary (dot) files left out. */
async function filesUnder(folder: string, prefix: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await filesUnder(join(folder, entry.name), path)));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

/** Writes a backup of `library` to `target` (a .zip); returns its manifest. */
export async function writeBackup(
  library: Library,
  target: string,
  options: BackupOptions = {},
): Promise<BackupManifest> {
  const includeTrash = options.includeTrash ?? true;
  const places = includeTrash ? (['articles', 'trash'] as const) : (['articles'] as const);
  const ids = places.flatMap((place) =>
    library
      .summaries(place)
      .map((a) => `${place}/${a.id}`)
      .sort(),
  );
  const manifest: BackupManifest = {
    format: 'lectern-backup',
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: APP_VERSION,
    libraryFormatVersion: LIBRARY_FORMAT_VERSION,
    created: (options.now ?? new Date()).toISOString(),
    includesTrash: includeTrash,
    files: [],
  };
  await library.flush();
  let done = 0;
  // Listing is a readdir or two per article, waiting on the disk: a few at once.
  const listed = await mapBounded(ids, LISTING_CONCURRENCY, async (folder) => {
    throwIfCancelled(options.signal);
    const files = await filesUnder(join(library.dir, folder), folder);
    options.onProgress?.(++done, ids.length);
    return files;
  });
  const paths = [LIBRARY_FILE, ...listed.flat()];
  const sources: ZipSource[] = paths.map((path) => ({
    name: path,
    file: join(library.dir, path),
    store: COMPRESSED.test(path),
  }));
  sources.push({
    name: MANIFEST_NAME,
    later: (written) => {
      manifest.files = written.map(({ name, size, sha256 }) => ({ path: name, size, sha256 }));
      return `${JSON.stringify(manifest, null, 2)}\n`;
    },
  });
  await writeOutputVia(target, async (temp) => {
    await writeZip(temp, sources, options.signal, 1);
  });
  return manifest;
}
