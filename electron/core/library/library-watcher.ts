/**
 * Notices what other programs (a sync tool, a script, another machine's
 * copy) change in the library folder while Lectern runs, and hands it to the
 * library's own reread paths, so the changes go out as the usual events.
 *
 * fs.watch is used without `recursive`: on Linux, Node 20 emulates a
 * recursive watch with one watcher per folder and file, tens of thousands at
 * 10,000 articles. Watching the library folder (lectern.json) and articles/
 * and trash/ themselves sees a file replaced and a folder added or removed;
 * an article.json rewritten inside its own folder is caught by a rescan
 * every `rescanMs` instead (it compares each record's stamp, a stat per
 * article). Bursts of events become one reread (debounced); rescans never
 * overlap. An event names the folder it is about, and most are Lectern's
 * own writes (an import of 20,000 links renames 20,000 folders into
 * articles/): when every folder named since the last rescan is already as
 * the catalog has it, a stat each, the rescan of the whole library, a stat
 * per article, is skipped.
 */
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { debounce, SerialQueue } from '../../shared/async';
import type { Place } from './article-folder';
import { LIBRARY_FILE } from './library-file';

/** Quiet time after the last event before rereading, and the longest a burst can delay it. */
const QUIET_MS = 300;
const MAX_WAIT_MS = 3000;
/** How often every article's record is checked for changes made inside its folder. */
export const RESCAN_MS = 60_000;

export interface WatchedLibrary {
  readonly dir: string;
  /** Rereads lectern.json, announcing what changed. */
  reloadFile(): Promise<void>;
  /** Takes in article folders added, changed or removed, announcing them. */
  rescan(): Promise<void>;
  /** Whether the named folders of `place` are as the library already has them. */
  knows(place: Place, names: Iterable<string>): Promise<boolean>;
}

export interface LibraryWatcher {
  close(): void;
}

export function watchLibrary(library: WatchedLibrary, rescanMs = RESCAN_MS): LibraryWatcher {
  const runs = new SerialQueue();
  let closed = false;
  const report = (what: string) => (error: unknown) =>
    console.warn(`Lectern: could not take in changes made to ${what} outside Lectern:`, error);
  const reload = debounce(
    () => void runs.run(async () => (closed ? undefined : library.reloadFile())).catch(report(LIBRARY_FILE)),
    QUIET_MS,
    { maxWaitMs: MAX_WAIT_MS, unref: true },
  );
  // The folders named by events since the last rescan; null: the whole library is to be rescanned.
  let named: Map<Place, Set<string>> | null = new Map();
  const takeIn = async () => {
    const names = named;
    named = new Map();
    if (closed) return;
    if (names) {
      let known = true;
      for (const [place, ids] of names) known &&= await library.knows(place, ids);
      if (known) return;
    }
    await library.rescan();
  };
  const rescan = debounce(() => void runs.run(takeIn).catch(report('the articles')), QUIET_MS, {
    maxWaitMs: MAX_WAIT_MS,
    unref: true,
  });
  const rescanFolder = (place: Place, name: string | null) => {
    if (name === null) named = null;
    else if (named) named.set(place, (named.get(place) ?? new Set()).add(name));
    rescan();
  };
  const watchers: FSWatcher[] = [];
  const tryWatch = (path: string, listener: (name: string | null) => void) => {
    try {
      const watcher = watch(path, { persistent: false }, (_event, name) => listener(name));
      // A folder deleted or made unreadable under the watcher: the periodic rescan still runs.
      watcher.on('error', () => watcher.close());
      watchers.push(watcher);
    } catch (error) {
      report(path)(error);
    }
  };
  tryWatch(library.dir, (name) => {
    if (name === null || name === LIBRARY_FILE) reload();
  });
  for (const place of ['articles', 'trash'] as const) {
    tryWatch(join(library.dir, place), (name) => rescanFolder(place, name));
  }
  const timer = setInterval(() => rescanFolder('articles', null), rescanMs);
  timer.unref();
  return {
    close() {
      closed = true;
      clearInterval(timer);
      reload.cancel();
      rescan.cancel();
      for (const watcher of watchers) watcher.close();
    },
  };
}
