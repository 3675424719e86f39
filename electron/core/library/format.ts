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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The file as read, checked field by field: a field that is missing or of
 * the wrong type takes its default, a tag colour or saved view that is not
 * two strings is dropped, and the others are kept. A format version that is
 * not a whole number of at least 1 is taken as the current one (no Lectern
 * ever wrote another). `repaired` names what had to change, for the
 * person; an empty list means the file was sound.
 */
export function repairLibraryFile(value: unknown, now: Date): { file: LibraryFile; repaired: string[] } {
  const stored = isRecord(value) ? value : {};
  const fresh = newLibraryFile(now);
  const repaired: string[] = isRecord(value) ? [] : ['the whole file'];
  const version = stored.formatVersion;
  const formatVersion =
    typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : fresh.formatVersion;
  if (formatVersion !== version && isRecord(value)) repaired.push('formatVersion');
  const createdAt = typeof stored.createdAt === 'string' ? stored.createdAt : fresh.createdAt;
  if (createdAt !== stored.createdAt && isRecord(value)) repaired.push('createdAt');

  const tagColors: Record<string, string> = {};
  const colors = stored.tagColors;
  if (isRecord(colors)) {
    for (const [tag, color] of Object.entries(colors)) {
      if (typeof color === 'string') tagColors[tag] = color;
    }
  }
  if (
    isRecord(value) &&
    (!isRecord(colors) || Object.keys(tagColors).length !== Object.keys(colors).length)
  ) {
    repaired.push('tagColors');
  }

  const views = Array.isArray(stored.savedViews) ? stored.savedViews : [];
  const savedViews = views
    .filter(
      (view): view is { name: string; query: string } =>
        isRecord(view) && typeof view.name === 'string' && typeof view.query === 'string',
    )
    .map(({ name, query }) => ({ name, query }));
  if (isRecord(value) && (!Array.isArray(stored.savedViews) || savedViews.length !== views.length)) {
    repaired.push('savedViews');
  }

  const settings = isRecord(stored.settings) ? stored.settings : {};
  if (isRecord(value) && !isRecord(stored.settings)) repaired.push('settings');

  return {
    file: { ...stored, formatVersion, createdAt, tagColors, savedViews, settings },
    repaired,
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
