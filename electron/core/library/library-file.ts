/**
 * lectern.json, the library-wide file: tag colours, saved views and the
 * reader's settings (format.ts has its shape and migrations). Callers get
 * typed methods, never the file's data, so every change is written with the
 * same rollback on failure and announced through the library's change feed.
 * A file that is not JSON (or is a link) is set aside and replaced by a
 * fresh one: articles live in their own folders, so that costs only these
 * library-wide settings. A file that is JSON but wrong in places is repaired
 * field by field (format.ts), a copy of it kept aside, so one bad saved view
 * costs that view, not the tag colours.
 *
 * A sync tool or another program may change the file too: every write
 * re-reads it and applies its one change to what is on disk now, so what
 * they added (a saved view, a tag colour) is kept rather than overwritten by
 * the copy in memory; reload() takes in their changes between writes.
 */
import { copyFile, rename } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { SerialQueue } from '../../shared/async';
import { LecternError } from '../../shared/errors';
import { readLibraryOptions, type LibraryOptions } from '../../shared/library-options';
import { readSettings, type ReaderSettings } from '../../shared/settings';
import type { ChangeFeed, LibraryEvent } from './change-feed';
import {
  LIBRARY_FORMAT_VERSION,
  migrateLibraryFile,
  newLibraryFile,
  repairLibraryFile,
  type LibraryFile,
} from './format';
import { DamagedFileError, JsonFile } from './json-file';
import { storageError, type LibraryProblem } from './storage-error';

export const LIBRARY_FILE = 'lectern.json';
/** The reader's settings' key in the file's `settings`. */
const READER_KEY = 'reader';
/** The library's other options' key (shared/library-options.ts). */
const OPTIONS_KEY = 'options';

export interface SavedViewEntry {
  name: string;
  query: string;
}

/** Whether a file read back has the shape every method relies on; one that has not is not merged from. */
function looksWhole(file: LibraryFile): boolean {
  const isRecord = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
  return (
    isRecord(file.tagColors) &&
    Array.isArray(file.savedViews) &&
    file.savedViews.every((view) => typeof view?.name === 'string' && typeof view.query === 'string') &&
    isRecord(file.settings)
  );
}

export class LibraryFileStore {
  /** One read-change-write at a time, so no write starts from a copy another is about to replace. */
  readonly #writes = new SerialQueue();

  private constructor(
    private readonly dir: string,
    private readonly db: Low<LibraryFile>,
    private readonly changes: ChangeFeed,
  ) {}

  /** Opens (creating, migrating or setting aside) the library's lectern.json. */
  static async open(
    dir: string,
    now: () => Date,
    changes: ChangeFeed,
    problems: LibraryProblem[],
  ): Promise<LibraryFileStore> {
    const path = join(dir, LIBRARY_FILE);
    const adapter = new JsonFile<LibraryFile>(path);
    let stored: LibraryFile | null;
    let repaired = false;
    try {
      stored = await adapter.read();
      if (stored !== null) {
        const repair = repairLibraryFile(stored, now());
        if (repair.repaired.length > 0) {
          const aside = `${path}.damaged-${now().getTime()}`;
          await copyFile(path, aside);
          problems.push({
            path: aside,
            message: `lectern.json had wrong values in ${repair.repaired.join(', ')}; those were reset and the rest kept. The file as it was is kept as ${aside}.`,
          });
          stored = repair.file;
          repaired = true;
        }
      }
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw storageError(dir, 'read lectern.json', error);
      // Keep the damaged copy for the person to inspect.
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
    if (stored === null || repaired || migration.kind === 'migrated') {
      try {
        await db.write();
      } catch (error) {
        throw storageError(dir, 'write lectern.json', error);
      }
    }
    return new LibraryFileStore(dir, db, changes);
  }

  /** Tag name → colour name. */
  tagColors(): Readonly<Record<string, string>> {
    return this.db.data.tagColors;
  }

  /** Changes the tag colours in place and writes them. */
  async changeTagColors(change: (colors: Record<string, string>) => void): Promise<void> {
    await this.#write((file) => change(file.tagColors), { type: 'library-settings-changed' });
  }

  savedViews(): readonly Readonly<SavedViewEntry>[] {
    return this.db.data.savedViews;
  }

  /** Saves a query under a name, replacing a view of the same name. */
  async saveView(name: string, query: string): Promise<void> {
    await this.#write(
      (file) => {
        const existing = file.savedViews.find((view) => view.name === name);
        if (existing) existing.query = query;
        else file.savedViews.push({ name, query });
      },
      { type: 'library-settings-changed' },
    );
  }

  async deleteView(name: string): Promise<void> {
    if (!this.db.data.savedViews.some((view) => view.name === name)) {
      throw new LecternError('not-found', `There is no saved view called “${name}”.`);
    }
    await this.#write(
      (file) => {
        file.savedViews = file.savedViews.filter((view) => view.name !== name);
      },
      { type: 'library-settings-changed' },
    );
  }

  readerSettings(): ReaderSettings {
    return readSettings(this.db.data.settings[READER_KEY]);
  }

  updateReaderSettings(patch: Partial<ReaderSettings>): Promise<ReaderSettings> {
    return this.#patchSetting(READER_KEY, readSettings, patch, (settings) => ({
      type: 'settings-changed',
      settings,
    }));
  }

  libraryOptions(): LibraryOptions {
    return readLibraryOptions(this.db.data.settings[OPTIONS_KEY]);
  }

  updateLibraryOptions(patch: Partial<LibraryOptions>): Promise<LibraryOptions> {
    return this.#patchSetting(OPTIONS_KEY, readLibraryOptions, patch, () => ({
      type: 'library-settings-changed',
    }));
  }

  /** Folds another library's lectern.json into this one (a restore that merges); `join` decides each field. */
  async join(join: (file: LibraryFile) => void): Promise<void> {
    await this.#write(join, { type: 'library-settings-changed' });
  }

  /**
   * Rereads lectern.json and takes in what another program changed in it,
   * announcing it. A file that is missing, unreadable or not whole is left
   * to the next write, which puts back the copy in memory.
   */
  reload(): Promise<void> {
    return this.#writes.run(async () => {
      const previous = this.db.data;
      const fresh = await this.#onDisk();
      if (!fresh || isDeepStrictEqual(fresh, previous)) return;
      this.db.data = fresh;
      this.changes.emit({ type: 'library-settings-changed' });
      if (!isDeepStrictEqual(fresh.settings[READER_KEY], previous.settings[READER_KEY]))
        this.changes.emit({ type: 'settings-changed', settings: this.readerSettings() });
    });
  }

  /** The file as it is on disk now, migrated, or null when it cannot be merged from. */
  async #onDisk(): Promise<LibraryFile | null> {
    try {
      const stored = await this.db.adapter.read();
      if (stored === null || typeof stored.formatVersion !== 'number') return null;
      const migration = migrateLibraryFile(stored);
      return migration.kind !== 'too-new' && looksWhole(migration.file) ? migration.file : null;
    } catch {
      return null;
    }
  }

  /**
   * Applies `change` to the file as it is on disk now (the copy in memory when
   * it cannot be read), writes it (keeping the data in memory as it was if
   * that fails) and announces `event` (made once the change is applied, when a function).
   */
  /**
   * Patches one entry of the file's `settings`, read back through `read` so a
   * damaged entry is repaired. Patched inside the write, on the file as the
   * write before this one left it: two patches at once keep both.
   */
  async #patchSetting<T extends object>(
    key: string,
    read: (stored: unknown) => T,
    patch: Partial<T>,
    event: (value: T) => LibraryEvent,
  ): Promise<T> {
    let value = read(this.db.data.settings[key]);
    await this.#write(
      (file) => {
        value = read({ ...read(file.settings[key]), ...patch });
        file.settings = { ...file.settings, [key]: value };
      },
      () => event(value),
    );
    return value;
  }

  #write(change: (file: LibraryFile) => void, event: LibraryEvent | (() => LibraryEvent)): Promise<void> {
    return this.#writes.run(async () => {
      const previous = this.db.data;
      const next = (await this.#onDisk()) ?? structuredClone(previous);
      change(next);
      this.db.data = next;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = previous;
        throw storageError(this.dir, 'save lectern.json', error);
      }
      this.changes.emit(typeof event === 'function' ? event() : event);
    });
  }
}
