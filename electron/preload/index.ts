/**
 * Exposes the transport, and nothing else, to the renderer as window.lectern,
 * plus the desktop menus' commands as window.lecternDesktop. The renderer
 * builds the typed API client on top (shared/client.ts). No Electron object
 * crosses the bridge: only these functions (security checklist item 20).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiMethod, CallResult, LecternEvent } from '../shared/api';
import type { Transport } from '../shared/client';
import {
  NATIVE_ACTIONS,
  type DesktopBridge,
  type DesktopCommand,
  type NativeActions,
} from '../shared/desktop-commands';
import { ASSET_SCHEME, IPC_CALL, IPC_COMMAND, IPC_EVENT, IPC_NATIVE } from '../shared/ipc-channels';

function listen<T>(channel: string, listener: (payload: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

const transport: Transport = {
  call: (method: ApiMethod, args: unknown[]) =>
    ipcRenderer.invoke(IPC_CALL, method, args) as Promise<CallResult>,
  onEvent: (listener: (event: LecternEvent) => void) => listen(IPC_EVENT, listener),
  assetUrl: (articleId: string, name: string) => `${ASSET_SCHEME}://${articleId}/${name}`,
};

// Each native action is one invoke on the native channel, named by the action.
const native = Object.fromEntries(
  Object.keys(NATIVE_ACTIONS).map((name) => [
    name,
    (...args: unknown[]) => ipcRenderer.invoke(IPC_NATIVE, name, args),
  ]),
) as unknown as NativeActions;

const desktop: DesktopBridge = {
  onCommand: (listener: (command: DesktopCommand) => void) => listen(IPC_COMMAND, listener),
  ...native,
};

contextBridge.exposeInMainWorld('lectern', transport);
contextBridge.exposeInMainWorld('lecternDesktop', desktop);
