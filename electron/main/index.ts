/**
 * Electron's entry point: one instance, one backend, one window. Everything
 * the app does is in core/ behind the API; this file only starts things.
 */
import { app, BrowserWindow, dialog } from 'electron';
import { fileURLToPath } from 'node:url';
import { openBackend } from '../core/open-backend';
import { resolveLibraryDir } from '../core/library/location';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { serveAssetProtocol } from './asset-protocol';
import { serveIpc } from './ipc';
import { createMainWindow } from './window';

const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const libraryDir = resolveLibraryDir(process.argv, process.env, app.getPath('userData'));
  let backend;
  try {
    backend = await openBackend(libraryDir);
  } catch (error) {
    dialog.showErrorBox(
      'Lectern cannot open its library',
      error instanceof Error ? error.message : String(error),
    );
    app.quit();
    return;
  }
  // Save the caches before quitting; they are derived, so a crash costs only a slower next open.
  const opened = backend;
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    void opened.close().finally(() => app.quit());
  });
  serveAppProtocol(rendererDir);
  serveAssetProtocol(libraryDir);
  serveIpc(backend, () => BrowserWindow.getAllWindows().map((window) => window.webContents));
  createMainWindow(preloadPath);
}
