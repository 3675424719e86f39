/**
 * Opens a library and wires the service, events and dispatch together: the
 * one place where Electron's main process, the browser shell and the command
 * line get their backend from.
 */
import { createDispatch, type Dispatch } from './dispatch';
import { EventHub } from './events';
import { Library } from './library/library';
import type { LecternApi } from '../shared/api';
import { createService } from './service';

export interface Backend {
  library: Library;
  service: LecternApi;
  events: EventHub;
  dispatch: Dispatch;
}

export async function openBackend(libraryDir: string): Promise<Backend> {
  const library = await Library.open(libraryDir);
  for (const problem of library.problems) console.warn(`Lectern: ${problem.message}`);
  const events = new EventHub();
  const service = createService({ library, events });
  return { library, service, events, dispatch: createDispatch(service) };
}
