/**
 * Opens a library and wires the service, search, events and dispatch
 * together: the one place where Electron's main process, the browser shell
 * and the command line get their backend from. It takes the library's lock
 * first (lock.ts), so no two running Lecterns ever write the same folder.
 *
 * Opening returns as soon as the catalog is read. Then, in the background:
 * the catalog is checked against the article files, the search index is
 * loaded or rebuilt, and the trash is emptied of what has expired; what they
 * change reaches every window as events.
 */
import { createDispatch, type Dispatch } from './dispatch';
import { EventHub } from './events';
import { Library } from './library/library';
import { acquireLibraryLock } from './library/lock';
import type { LecternApi } from '../shared/api';
import { SearchEngine } from './search/search-engine';
import { createService } from './service';
import { purgeExpired } from './services/trash';

export interface Backend {
  library: Library;
  search: SearchEngine;
  service: LecternApi;
  events: EventHub;
  dispatch: Dispatch;
  /** Resolves when the background work started at open has finished (tests and benchmarks wait on it). */
  background: Promise<void>;
  /** Saves the caches and releases the lock; call before the process exits. */
  close(): Promise<void>;
}

export async function openBackend(libraryDir: string): Promise<Backend> {
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
  const search = new SearchEngine(library);
  events.subscribe((event) => {
    if (event.type === 'library-changed')
      search.notify([...event.changed.map((a) => a.id), ...event.removed]);
  });
  const service = createService({ library, search, events });
  const background = (async () => {
    const changes = await library.verify();
    if (changes.changed.length + changes.removed.length > 0)
      events.emit({ type: 'library-changed', ...changes });
    const purged = await purgeExpired(library);
    if (purged.length > 0) events.emit({ type: 'library-changed', changed: [], removed: purged });
    await search.start();
  })().catch((error: unknown) =>
    console.error('Lectern: checking the library in the background failed:', error),
  );
  return {
    library,
    search,
    service,
    events,
    dispatch: createDispatch(service),
    background,
    async close() {
      await background;
      await search.close();
      await library.close();
      await lock.release();
    },
  };
}
