/**
 * Electron's entry point: one instance, one backend, one window. Everything
 * the app does is in core/ behind the API; desktop-app.ts carries out menus
 * and launches, and this file only wires Electron's events to it.
 */
import '../core/files/io-threads';
import { app, session, shell } from 'electron';
import { fileURLToPath } from 'node:url';
import { preferencesFile, PreferencesStore } from '../core/settings/desktop-preferences';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { DesktopApp } from './desktop-app';
import { guardContents, guardSession } from './guards';
import {
  electronArgCount,
  LECTERN_SCHEME,
  NOTHING_LAUNCHED,
  parseLaunchArgs,
  readSchemeUrl,
} from './launch-request';

const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const skip = electronArgCount(Boolean(process.defaultApp));

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // The running Lectern receives our argv in its second-instance event.
  app.quit();
} else {
  const desktop = new DesktopApp(new PreferencesStore(preferencesFile(app.getPath('userData'))), preloadPath);
  // In development the registration would point at the bare Electron binary.
  if (app.isPackaged) app.setAsDefaultProtocolClient(LECTERN_SCHEME);

  app.on('web-contents-created', (_event, contents) =>
    guardContents(contents, (url) => shell.openExternal(url)),
  );
  app.on('second-instance', (_event, argv, workingDirectory) => {
    void desktop.launched(parseLaunchArgs(argv, workingDirectory, skip));
  });
  // macOS delivers "Open with" and lectern:// links as events, possibly before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void app.whenReady().then(() => desktop.launched({ ...NOTHING_LAUNCHED, files: [path] }));
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    void app.whenReady().then(() => desktop.launched(readSchemeUrl(url)));
  });
  app.on('window-all-closed', () => app.quit());

  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Release the library's lock before the process ends.
    event.preventDefault();
    void desktop.close().finally(() => {
      closed = true;
      app.quit();
    });
  });

  void app.whenReady().then(async () => {
    guardSession(session.defaultSession);
    serveAppProtocol(rendererDir);
    if (!(await desktop.start(process.argv))) {
      app.quit();
      return;
    }
    void desktop.launched(parseLaunchArgs(process.argv, process.cwd(), skip));
  });
}
