/**
 * Opens a library and wires the service, search, events and dispatch
 * together: the one place where Electron's main process, the browser shell
 * and the command line get their backend from. It takes the library's lock
 * first (lock.ts), so no two running Lecterns ever write the same folder.
 *
 * Opening returns as soon as the catalog is read. Then, in the background:
 * the catalog is checked against the article files, the trash is emptied of
 * what has expired, and the search index is loaded or rebuilt; what they
 * change reaches every window as events. From then on the folder is watched
 * for changes other programs make (library-watcher.ts). A burst of changes
 * reaches the index in bounded batches once it is over (search-feed.ts).
 * A backend behind a window lets the
 * index wait (WINDOW_INDEX_DELAY_MS): loading it is half a second of CPU at
 * 10,000 articles, which would otherwise compete with the window's first
 * paint; a search with words asked sooner loads it at once. Such a backend
 * warms an import worker (prepare-pool.ts) as soon as it opens, not after
 * that wait: a cold worker takes seconds to load its parsers and run its
 * first page, on a thread of its own, and the first drop often comes within
 * seconds of a start; warmed at once, it is listed in a fraction of a second.
 */
import { createDispatch, type Dispatch } from './dispatch';
import { EventHub } from './events';
import { BackupScheduler } from './export/backup-schedule';
import { preparePool } from './import/workers/prepare-pool';
import { Library } from './library/library';
import { acquireLibraryLock } from './library/lock';
import type { LecternApi } from '../shared/api';
import { SearchEngine } from './search/search-engine';
import { SearchFeed } from './search-feed';
import { createService } from './service';
import { purgeExpired } from './services/trash';
import { Clipper } from './clip/clipper';

/** How long a window's backend waits before loading the search index. */
export const WINDOW_INDEX_DELAY_MS = 2000;
/**
 * How long a window keeps its warmed import worker while nothing is
 * imported: the first drop usually comes in the first minutes, and an idle
 * worker holds a hundred megabytes and more.
 */
const WINDOW_WARM_KEEP_MS = 5 * 60_000;

export interface BackendOptions {
  /** Milliseconds before the search index is loaded; 0 (the default) loads it right away. */
  indexDelayMs?: number;
  /** For the end-to-end tests only: see ImportServiceOptions.localImageHostsForTests. */
  localImageHostsForTests?: readonly string[];
  /** The host's way to switch to another library (ServiceContext.switchLibrary). */
  switchLibrary?: (dir: string) => Promise<void>;
  /** Runs the nightly backup while open (the window's backends; not the command line's). */
  scheduledBackups?: boolean;
  /**
   * Watches the folder for other programs' changes while open (true unless
   * false). The command line does not: it holds the library only for one
   * command, and a watch would only check its own writes.
   */
  watch?: boolean;
}

export interface Backend {
  library: Library;
  search: SearchEngine;
  service: LecternApi;
  events: EventHub;
  /** The web clipper's pairings and tokens; its endpoint is started by the shells (clip/clip-endpoint.ts). */
  clipper: Clipper;
  dispatch: Dispatch;
  /** Resolves when the background work started at open has finished (tests and benchmarks wait on it). */
  background: Promise<void>;
  /** Saves the caches and releases the lock; call before the process exits. */
  close(): Promise<void>;
}

export async function openBackend(libraryDir: string, options: BackendOptions = {}): Promise<Backend> {
  const lock = await acquireLibraryLock(libraryDir);
  let library: Library;
  try {
    library = await Library.open(libraryDir);
  } catch (error) {
    await lock.release();
    throw error;
  }
  for (const problem of library.problems) console.warn(`Lectern: ${problem.message}`);
  const events = new EventHub();
  // Every change the library makes or finds reaches every window from here.
  library.onChange((event) => events.emit(event));
  const search = new SearchEngine(library);
  const feed = new SearchFeed(search);
  events.subscribe((event) => {
    if (event.type === 'library-changed') feed.add([...event.changed.map((a) => a.id), ...event.removed]);
  });
  let clipper: Clipper;
  try {
    clipper = await Clipper.open(libraryDir, events);
  } catch (error) {
    await library.close();
    await lock.release();
    throw error;
  }
  const backups = new BackupScheduler(library);
  const service = createService(
    { library, search, events, switchLibrary: options.switchLibrary, backups },
    clipper,
    { localImageHostsForTests: options.localImageHostsForTests },
  );
  let closing: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (closing = resolve));
  const delay = options.indexDelayMs ?? 0;
  if (delay > 0) void preparePool.warm(1, WINDOW_WARM_KEEP_MS);
  const background = (async () => {
    await library.verify();
    if (options.watch !== false) library.watch();
    if (options.scheduledBackups) backups.start();
    await purgeExpired(library);
    if (delay > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, delay))), closed]);
      clearTimeout(timer);
    }
    await search.start();
  })().catch((error: unknown) =>
    console.error('Lectern: checking the library in the background failed:', error),
  );
  return {
    library,
    search,
    service,
    events,
    clipper,
    dispatch: createDispatch(service),
    background,
    async close() {
      closing();
      await background;
      await backups.stop();
      await feed.close();
      await search.close();
      await library.close();
      await lock.release();
    },
  };
}
