/**
 * Creates the main window with the locked-down preferences of policy.ts, at
 * the place window-state.ts chose, and reports where it was when it closes.
 */
import { BrowserWindow } from 'electron';
import type { WindowState } from '../core/settings/desktop-preferences';
import { APP_ENTRY, SECURE_WEB_PREFERENCES } from './policy';
import { MIN_SIZE, rememberWindow, type WindowPlacement } from './window-state';

export function createMainWindow(
  preloadPath: string,
  placement: WindowPlacement,
  onClose: (state: WindowState) => void,
): BrowserWindow {
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Lectern',
    show: false,
    backgroundColor: '#f7f6f3',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath },
  });
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => onClose(rememberWindow(window.getNormalBounds(), window.isMaximized())));
  void window.loadURL(APP_ENTRY);
  return window;
}
