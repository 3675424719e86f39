/** Creates the main window with the locked-down preferences of policy.ts. */
import { BrowserWindow } from 'electron';
import { guardContents, guardSession } from './guards';
import { APP_ENTRY, SECURE_WEB_PREFERENCES } from './policy';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 640,
    minHeight: 480,
    title: 'Lectern',
    show: false,
    backgroundColor: '#f7f6f3',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath },
  });
  guardContents(window.webContents);
  guardSession(window.webContents.session);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
  return window;
}
