/**
 * Security checklist item 20: the preload exposes plain functions, never an
 * Electron object (ipcRenderer, its send/on, or Node). Electron cannot run
 * here, so its module is replaced by a fake that records what is exposed.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { NATIVE_ACTIONS } from '../shared/desktop-commands';
import { IPC_CALL, IPC_COMMAND, IPC_EVENT, IPC_NATIVE } from '../shared/ipc-channels';

const exposed = new Map<string, Record<string, unknown>>();
const ipcRenderer = {
  invoke: vi.fn(async () => ({ ok: true, value: [] })),
  on: vi.fn(),
  removeListener: vi.fn(),
  send: vi.fn(),
};

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.set(name, api),
  },
  ipcRenderer,
}));

beforeAll(async () => {
  await import('./index');
});

describe('preload', () => {
  it('exposes exactly window.lectern and window.lecternDesktop', () => {
    expect([...exposed.keys()]).toEqual(['lectern', 'lecternDesktop']);
  });

  it('exposes only functions, none of them Electron’s own', () => {
    for (const api of exposed.values()) {
      for (const value of Object.values(api)) {
        expect(typeof value).toBe('function');
        expect(Object.values(ipcRenderer)).not.toContain(value);
      }
    }
    expect(Object.keys(exposed.get('lectern') ?? {}).sort()).toEqual(['assetUrl', 'call', 'onEvent']);
    expect(Object.keys(exposed.get('lecternDesktop') ?? {})).toEqual([
      'onCommand',
      ...Object.keys(NATIVE_ACTIONS),
    ]);
  });

  it('sends calls on the one call channel only', async () => {
    const call = exposed.get('lectern')?.call as (method: string, args: unknown[]) => Promise<unknown>;
    await call('listArticles', []);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CALL, 'listArticles', []);
    expect(ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('asks for native dialogs on the native channel, naming the action', async () => {
    const show = exposed.get('lecternDesktop')?.showInFolder as (path: string) => Promise<unknown>;
    await show('/tmp/out.csv');
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_NATIVE, 'showInFolder', ['/tmp/out.csv']);
  });

  it('hands listeners the payload, never Electron’s event object, and lets them go', () => {
    const seen: unknown[] = [];
    const onEvent = exposed.get('lectern')?.onEvent as (listener: (e: unknown) => void) => () => void;
    const onCommand = exposed.get('lecternDesktop')?.onCommand as (
      listener: (c: unknown) => void,
    ) => () => void;
    const stops = [onEvent((e) => seen.push(e)), onCommand((c) => seen.push(c))];
    const channels = ipcRenderer.on.mock.calls.map((call) => (call as unknown[])[0]);
    expect(channels).toEqual([IPC_EVENT, IPC_COMMAND]);
    for (const call of ipcRenderer.on.mock.calls) {
      const handler = (call as unknown[])[1] as (event: unknown, payload: unknown) => void;
      handler({ sender: 'the ipc event' }, { type: 'payload' });
    }
    expect(seen).toEqual([{ type: 'payload' }, { type: 'payload' }]);
    for (const stop of stops) stop();
    expect(ipcRenderer.removeListener).toHaveBeenCalledTimes(2);
  });
});
