/**
 * The Electron transport: one invoke channel for every API call and one push
 * channel for events. It checks who is calling and hands the rest to the
 * shared dispatch; no feature logic lives here.
 */
import { ipcMain, type WebContents } from 'electron';
import type { Backend } from '../core/open-backend';
import type { CallResult } from '../shared/api';
import { IPC_CALL, IPC_EVENT } from '../shared/ipc-channels';
import { isTrustedSender } from './policy';

export function serveIpc(backend: Backend, windowContents: () => WebContents[]): void {
  ipcMain.handle(IPC_CALL, async (event, method: unknown, args: unknown): Promise<CallResult> => {
    if (!isTrustedSender(event.senderFrame)) {
      return {
        ok: false,
        error: { code: 'invalid-argument', message: 'Calls are only accepted from Lectern’s own window.' },
      };
    }
    return backend.dispatch(String(method), args);
  });
  backend.events.subscribe((event) => {
    for (const contents of windowContents()) contents.send(IPC_EVENT, event);
  });
}
