/**
 * Opens a library and wires the service, events and dispatch together: the
 * one place where Electron's main process, the browser shell and the command
 * line get their backend from. It takes the library's lock first (lock.ts),
 * so no two running Lecterns ever write the same folder.
 */
import { createDispatch, type Dispatch } from './dispatch';
import { EventHub } from './events';
import { Library } from './library/library';
import { acquireLibraryLock } from './library/lock';
import type { LecternApi } from '../shared/api';
import { createService } from './service';

export interface Backend {
  library: Library;
  service: LecternApi;
  events: EventHub;
  dispatch: Dispatch;
  /** Releases the library's lock; the backend must not be used afterwards. */
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
  const service = createService({ library, events });
  return { library, service, events, dispatch: createDispatch(service), close: () => lock.release() };
}
