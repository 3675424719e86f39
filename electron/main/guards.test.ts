/**
 * The window's guards (security checklist items 5, 11–15) with fakes in
 * place of Electron's events, webContents and session.
 */
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  denyPermissionCheck,
  denyPermissionRequest,
  guardContents,
  guardSession,
  onWillAttachWebview,
  onWillNavigate,
  onWillRedirect,
  windowOpenHandler,
} from './guards';
import { APP_ENTRY } from './policy';

function fakeEvent() {
  return { preventDefault: vi.fn() };
}

function fakeOpenExternal() {
  return vi.fn((_url: string) => Promise.resolve());
}

const HOSTILE = [
  'javascript:alert(1)',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'lectern-app://evil/index.html',
  'smb://server/share',
  'ms-settings:privacy',
  'about:blank',
  'not a url',
];

describe('will-navigate', () => {
  it('lets the app move within itself', () => {
    const event = fakeEvent();
    const open = fakeOpenExternal();
    onWillNavigate(open)(event, `${APP_ENTRY}#/article/x`);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
  });

  it.each(['https://example.com/story', 'http://example.com/', 'mailto:someone@example.com'])(
    'stays put and hands %s to the system browser',
    (url) => {
      const event = fakeEvent();
      const open = fakeOpenExternal();
      onWillNavigate(open)(event, url);
      expect(event.preventDefault).toHaveBeenCalledOnce();
      expect(open).toHaveBeenCalledWith(new URL(url).href);
    },
  );

  it.each(HOSTILE)('refuses %s and opens nothing', (url) => {
    const event = fakeEvent();
    const open = fakeOpenExternal();
    onWillNavigate(open)(event, url);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(open).not.toHaveBeenCalled();
  });
});

describe('will-redirect', () => {
  it.each(['https://example.com/', ...HOSTILE])('stops a redirect to %s', (url) => {
    const event = fakeEvent();
    onWillRedirect(event, url);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('allows a redirect inside the app', () => {
    const event = fakeEvent();
    onWillRedirect(event, APP_ENTRY);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });
});

describe('window.open', () => {
  it('never opens a window, and sends web links to the system browser', () => {
    const open = fakeOpenExternal();
    expect(windowOpenHandler(open)({ url: 'https://example.com/a' })).toEqual({ action: 'deny' });
    expect(open).toHaveBeenCalledWith('https://example.com/a');
  });

  it.each([...HOSTILE, APP_ENTRY])('denies %s without opening anything', (url) => {
    const open = fakeOpenExternal();
    expect(windowOpenHandler(open)({ url })).toEqual({ action: 'deny' });
    expect(open).not.toHaveBeenCalled();
  });
});

describe('webviews', () => {
  it('refuses to attach any webview, even one asking for nothing', () => {
    const event = fakeEvent();
    onWillAttachWebview(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'denies a request for %s',
    (permission) => {
      const callback = vi.fn();
      denyPermissionRequest({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('answers every permission check with no', () => {
    expect(denyPermissionCheck()).toBe(false);
  });
});

describe('wiring', () => {
  it('puts every guard on a webContents', () => {
    const listeners = new Map<string, unknown>();
    let openHandler: unknown;
    const contents = {
      on: (name: string, listener: unknown) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: unknown) => (openHandler = handler),
    };
    const open = fakeOpenExternal();
    guardContents(contents as unknown as WebContents, open);
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    const event = fakeEvent();
    (listeners.get('will-navigate') as (e: unknown, url: string) => void)(event, 'javascript:alert(1)');
    expect(event.preventDefault).toHaveBeenCalled();
    expect((openHandler as (d: { url: string }) => unknown)({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    expect(open).toHaveBeenCalledWith('https://example.com/');
  });

  it('puts both permission handlers on a session', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    guardSession(session as unknown as Session);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(denyPermissionRequest);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(denyPermissionCheck);
  });
});
