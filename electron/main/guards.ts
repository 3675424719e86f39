/**
 * The window's guards as handlers over policy.ts: no navigation away from
 * the app, no new windows (web links go to the system browser after a scheme
 * check), no webviews, every permission denied. The handlers take what they
 * act on as arguments (openExternal included), and this file imports only
 * types from Electron, so each is tested with fakes (guards.test.ts); index.ts
 * applies them to every webContents Electron creates.
 */
import type { HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { externalUrl } from '../shared/external-url';
import { isAppUrl } from './policy';

/** shell.openExternal, or a fake in tests. */
export type OpenExternal = (url: string) => Promise<void>;

interface Preventable {
  preventDefault(): void;
}

/** will-navigate: stay on the app; a web or mail link goes to the system instead. */
export function onWillNavigate(openExternal: OpenExternal) {
  return (event: Preventable, url: string): void => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    const external = externalUrl(url);
    if (external) void openExternal(external);
  };
}

/** will-redirect: a redirect may never leave the app. */
export function onWillRedirect(event: Preventable, url: string): void {
  if (!isAppUrl(url)) event.preventDefault();
}

/** will-attach-webview: Lectern has no webviews, so none may attach, whatever its options. */
export function onWillAttachWebview(event: Preventable): void {
  event.preventDefault();
}

/** setWindowOpenHandler: never a new window; a web or mail link goes to the system. */
export function windowOpenHandler(openExternal: OpenExternal) {
  return ({ url }: Pick<HandlerDetails, 'url'>): WindowOpenHandlerResponse => {
    const external = externalUrl(url);
    if (external) void openExternal(external);
    return { action: 'deny' };
  };
}

/** setPermissionRequestHandler: camera, notifications, clipboard reading, all refused. */
export function denyPermissionRequest(
  _contents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

/** setPermissionCheckHandler: every check answers no. */
export function denyPermissionCheck(): boolean {
  return false;
}

export function guardContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', onWillNavigate(openExternal));
  contents.on('will-redirect', onWillRedirect);
  contents.on('will-attach-webview', onWillAttachWebview);
  contents.setWindowOpenHandler(windowOpenHandler(openExternal));
}

export function guardSession(session: Session): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
}
