/**
 * The Electron transport: one invoke channel for every API call and one push
 * channel for events. It checks who is calling and hands the rest to the
 * shared dispatch; no feature logic lives here. It imports only types from
 * Electron (ipcMain is passed in), so ipc.test.ts drives it with fakes.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Dispatch } from '../core/dispatch';
import type { EventHub } from '../core/events';
import type { CallResult } from '../shared/api';
import { NATIVE_ACTIONS, type DesktopCommand, type NativeActions } from '../shared/desktop-commands';
import { IPC_CALL, IPC_COMMAND, IPC_EVENT, IPC_NATIVE } from '../shared/ipc-channels';
import { isTrustedSender } from './policy';

const UNTRUSTED: CallResult = {
  ok: false,
  error: { code: 'invalid-argument', message: 'Calls are only accepted from Lectern’s own window.' },
};

/** One call: refused unless it comes from the app's own top-level frame, else dispatched. */
export async function answerCall(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  method: unknown,
  args: unknown,
  dispatch: Dispatch,
): Promise<CallResult> {
  if (!isTrustedSender(event.senderFrame)) return UNTRUSTED;
  return dispatch(String(method), args);
}

/** `dispatch` is looked up per call, so switching libraries needs no re-registration. */
export function serveIpc(ipc: Pick<IpcMain, 'handle'>, dispatch: () => Dispatch): void {
  ipc.handle(IPC_CALL, (event, method: unknown, args: unknown) =>
    answerCall(event, method, args, dispatch()),
  );
}

/** Pushes every backend event to the windows; returns the unsubscribe function. */
export function forwardEvents(events: EventHub, windows: () => Pick<WebContents, 'send'>[]): () => void {
  return events.subscribe((event) => {
    for (const contents of windows()) contents.send(IPC_EVENT, event);
  });
}

export function sendCommand(contents: Pick<WebContents, 'send'>, command: DesktopCommand): void {
  contents.send(IPC_COMMAND, command);
}

/**
 * The window's native requests (dialogs, the file manager): from the app's
 * own frame only, with a known action name and string or boolean arguments.
 */
export function serveNativeActions(ipc: Pick<IpcMain, 'handle'>, actions: NativeActions): void {
  ipc.handle(IPC_NATIVE, (event, name: unknown, args: unknown) => {
    if (!isTrustedSender(event.senderFrame)) return null;
    if (typeof name !== 'string' || !Object.hasOwn(NATIVE_ACTIONS, name)) return null;
    if (!Array.isArray(args) || !args.every((arg) => typeof arg === 'string' || typeof arg === 'boolean'))
      return null;
    const action = actions[name as keyof NativeActions] as (...a: unknown[]) => Promise<unknown>;
    return action(...args);
  });
}
