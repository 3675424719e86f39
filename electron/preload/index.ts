/**
 * Exposes the transport, and nothing else, to the renderer as window.lectern.
 * The renderer builds the typed API client on top of it (shared/client.ts).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiMethod, CallResult, LecternEvent } from '../shared/api';
import type { Transport } from '../shared/client';
import { ASSET_SCHEME, IPC_CALL, IPC_EVENT } from '../shared/ipc-channels';

const transport: Transport = {
  call: (method: ApiMethod, args: unknown[]) =>
    ipcRenderer.invoke(IPC_CALL, method, args) as Promise<CallResult>,
  onEvent(listener: (event: LecternEvent) => void) {
    const handler = (_event: IpcRendererEvent, payload: LecternEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
  assetUrl: (articleId: string, name: string) => `${ASSET_SCHEME}://${articleId}/${name}`,
};

contextBridge.exposeInMainWorld('lectern', transport);
