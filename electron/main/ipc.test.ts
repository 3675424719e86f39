/** Security checklist item 17: every IPC call's sender is checked, with fakes for ipcMain and frames. */
import type { IpcMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { EventHub } from '../core/events';
import type { Dispatch } from '../core/dispatch';
import type { LecternEvent } from '../shared/api';
import type { NativeActions } from '../shared/desktop-commands';
import { IPC_CALL, IPC_COMMAND, IPC_EVENT, IPC_NATIVE } from '../shared/ipc-channels';
import { answerCall, forwardEvents, sendCommand, serveIpc, serveNativeActions } from './ipc';
import { APP_ENTRY } from './policy';

type Frame = { url: string; parent: unknown };

function fakeDispatch() {
  return vi.fn<Dispatch>(async () => ({ ok: true, value: 'ran' }));
}

const event = (frame: Frame | null) => ({ senderFrame: frame }) as Parameters<typeof answerCall>[0];

describe('answerCall', () => {
  it('dispatches a call from the app’s own top-level frame', async () => {
    const dispatch = fakeDispatch();
    expect(await answerCall(event({ url: APP_ENTRY, parent: null }), 'listArticles', [], dispatch)).toEqual({
      ok: true,
      value: 'ran',
    });
    expect(dispatch).toHaveBeenCalledWith('listArticles', []);
  });

  it.each<[string, Frame | null]>([
    ['a foreign origin', { url: 'https://evil.example/', parent: null }],
    ['a sub-frame of the app', { url: APP_ENTRY, parent: { url: APP_ENTRY, parent: null } }],
    ['a foreign sub-frame', { url: 'https://evil.example/', parent: { url: APP_ENTRY, parent: null } }],
    ['a file: page', { url: 'file:///tmp/index.html', parent: null }],
    ['a frame that is gone', null],
  ])('refuses %s without running anything', async (_label, frame) => {
    const dispatch = fakeDispatch();
    const result = await answerCall(event(frame), 'deleteArticle', ['x'], dispatch);
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'Calls are only accepted from Lectern’s own window.' },
    });
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('serveIpc', () => {
  it('registers one handler that checks the sender and uses the current dispatch', async () => {
    let handler: ((e: unknown, method: unknown, args: unknown) => Promise<unknown>) | undefined;
    const ipc = { handle: vi.fn((channel: string, fn: typeof handler) => (handler = fn)) };
    let current = fakeDispatch();
    serveIpc(ipc as unknown as Pick<IpcMain, 'handle'>, () => current);
    expect(ipc.handle).toHaveBeenCalledWith(IPC_CALL, expect.any(Function));
    current = fakeDispatch();
    await handler?.(event({ url: APP_ENTRY, parent: null }), 'listArticles', []);
    expect(current).toHaveBeenCalledOnce();
    await handler?.(event({ url: 'https://evil.example/', parent: null }), 'listArticles', []);
    expect(current).toHaveBeenCalledOnce();
  });
});

describe('serveNativeActions', () => {
  it('runs a known action for the app’s own frame only, with plain arguments', async () => {
    let handler: ((e: unknown, name: unknown, args: unknown) => Promise<unknown>) | undefined;
    const ipc = { handle: vi.fn((channel: string, fn: typeof handler) => (handler = fn)) };
    const showInFolder = vi.fn(async () => {});
    const actions = { showInFolder } as unknown as NativeActions;
    serveNativeActions(ipc as unknown as Pick<IpcMain, 'handle'>, actions);
    expect(ipc.handle).toHaveBeenCalledWith(IPC_NATIVE, expect.any(Function));
    const app = event({ url: APP_ENTRY, parent: null });
    await handler?.(app, 'showInFolder', ['/tmp/a.csv']);
    await handler?.(event({ url: 'https://evil.example/', parent: null }), 'showInFolder', ['/x']);
    await handler?.(app, 'constructor', []);
    await handler?.(app, 'showInFolder', [{ path: '/x' }]);
    expect(showInFolder.mock.calls).toEqual([['/tmp/a.csv']]);
  });
});

describe('pushing to the window', () => {
  it('forwards backend events until unsubscribed', () => {
    const hub = new EventHub();
    const contents = { send: vi.fn() };
    const stop = forwardEvents(hub, () => [contents]);
    const change: LecternEvent = { type: 'library-changed', changed: [], removed: ['x'] };
    hub.emit(change);
    stop();
    hub.emit(change);
    expect(contents.send.mock.calls).toEqual([[IPC_EVENT, change]]);
  });

  it('sends desktop commands on their own channel', () => {
    const contents = { send: vi.fn() };
    sendCommand(contents, { type: 'toggle-sidebar' });
    expect(contents.send).toHaveBeenCalledWith(IPC_COMMAND, { type: 'toggle-sidebar' });
  });
});
