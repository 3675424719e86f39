/**
 * The library-wide file, lectern.json, and its format version. Every change
 * to the on-disk format bumps LIBRARY_FORMAT_VERSION and adds a step to
 * MIGRATIONS, which brings an older file up to date on open.
 */

export const LIBRARY_FORMAT_VERSION = 1;

export interface LibraryFile {
  formatVersion: number;
  createdAt: string;
  /** Tag name → colour name. */
  tagColors: Record<string, string>;
  savedViews: { name: string; query: string }[];
  settings: Record<string, unknown>;
}

export function newLibraryFile(now: Date): LibraryFile {
  return {
    formatVersion: LIBRARY_FORMAT_VERSION,
    createdAt: now.toISOString(),
    tagColors: {},
    savedViews: [],
    settings: {},
  };
}

/** MIGRATIONS[n] turns a version-n file into a version-(n+1) file. None yet. */
const MIGRATIONS: Record<number, (file: LibraryFile) => LibraryFile> = {};

export type MigrationResult =
  | { kind: 'current'; file: LibraryFile }
  | { kind: 'migrated'; file: LibraryFile }
  | { kind: 'too-new'; version: number };

export function migrateLibraryFile(file: LibraryFile): MigrationResult {
  if (file.formatVersion > LIBRARY_FORMAT_VERSION) {
    return { kind: 'too-new', version: file.formatVersion };
  }
  let current = file;
  while (current.formatVersion < LIBRARY_FORMAT_VERSION) {
    const step = MIGRATIONS[current.formatVersion];
    if (!step) throw new Error(`no migration from format ${current.formatVersion}`);
    current = step(current);
  }
  return current === file ? { kind: 'current', file } : { kind: 'migrated', file: current };
}
