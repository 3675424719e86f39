/**
 * The desktop app's glue: opens the library (and its lock), the window and
 * the menus, and carries out menu actions and launches. Every action on the
 * library goes through the backend's dispatch, the same entry point as the
 * window's calls, or is handed to the window as a command; the decisions are
 * the pure modules beside this file (menu-template, launch-request,
 * library-choice, window-state, taskbar-progress, link-import).
 */
import { dirname } from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  shell,
} from 'electron';
import { importPaths } from '../core/import/pipeline/import-paths';
import { resolveLibraryDir } from '../core/library/location';
import { copyLibrary, inspectFolder } from '../core/library/move';
import { clipPortSetting, startClipEndpoint, type ClipEndpoint } from '../core/clip/clip-endpoint';
import { openBackend, WINDOW_INDEX_DELAY_MS, type Backend } from '../core/open-backend';
import type { PreferencesStore, ThemeChoice } from '../core/settings/desktop-preferences';
import type { ImportOutcome } from '../shared/api';
import type { DesktopCommand } from '../shared/desktop-commands';
import { LecternError } from '../shared/errors';
import { serveAssetProtocol } from './asset-protocol';
import { forwardEvents, sendCommand, serveIpc, serveNativeActions } from './ipc';
import type { LaunchRequest } from './launch-request';
import { libraryChoice } from './library-choice';
import { importLink } from './link-import';
import { menuTemplate } from './menu-template';
import { externalUrl } from '../shared/external-url';
import { jobProgressTracker, progressBarValue } from './taskbar-progress';
import { createMainWindow } from './window';
import { placeWindow } from './window-state';

const IMPORT_FILTERS = [
  { name: 'Web pages and text', extensions: ['html', 'htm', 'xhtml', 'mhtml', 'txt', 'md', 'epub', 'pdf'] },
  { name: 'All files', extensions: ['*'] },
];

function messageOf(error: unknown): string {
  return error instanceof LecternError ? error.message : 'Something went wrong; the library was not changed.';
}

export class DesktopApp {
  #backend: Backend | null = null;
  #libraryDir = '';
  #window: BrowserWindow | null = null;
  #theme: ThemeChoice = 'system';
  #stopEvents: () => void = () => {};
  /** The web clipper's endpoint, serving the backend in use; restarted with it when the library changes. */
  #clip: Promise<ClipEndpoint | null> = Promise.resolve(null);
  #windowLoaded: Promise<void> = new Promise(() => {});
  /** The last preferences write, awaited before quitting so the window's place is not lost. */
  #saving: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly preferences: PreferencesStore,
    private readonly preloadPath: string,
  ) {}

  /** Opens the library named by argv, the environment or the preferences; false when it cannot. */
  async start(argv: readonly string[]): Promise<boolean> {
    const saved = await this.preferences.load();
    this.#theme = saved.theme;
    nativeTheme.themeSource = saved.theme;
    const libraryDir = resolveLibraryDir(argv, process.env, app.getPath('userData'), saved.libraryDir);
    try {
      this.#use(await this.#open(libraryDir), libraryDir);
    } catch (error) {
      dialog.showErrorBox('Lectern cannot open its library', messageOf(error));
      return false;
    }
    serveAssetProtocol(protocol, () => this.#libraryDir);
    serveIpc(ipcMain, () => this.#requireBackend().dispatch);
    serveNativeActions(ipcMain, {
      chooseExportPath: (defaultPath, folder) => this.#chooseExportPath(defaultPath, folder),
      showInFolder: async (path) => shell.showItemInFolder(path),
      openLibraryFolder: () => this.#openLibraryFolder(),
      chooseLibraryFolder: () => this.#chooseLibraryFolder(),
      chooseBackupFile: () => this.#chooseBackupFile(),
    });
    const workAreas = screen.getAllDisplays().map((display) => display.workArea);
    const window = createMainWindow(this.preloadPath, placeWindow(saved.window, workAreas), (state) => {
      this.#saving = this.preferences.update((prefs) => ({ ...prefs, window: state }));
    });
    this.#window = window;
    this.#windowLoaded = new Promise((resolve) =>
      window.webContents.once('did-finish-load', () => resolve()),
    );
    window.on('closed', () => (this.#window = null));
    this.#installMenu();
    return true;
  }

  async close(): Promise<void> {
    await this.#saving.catch(() => undefined);
    this.#stopEvents();
    await (await this.#clip)?.close();
    await this.#backend?.close();
    this.#backend = null;
  }

  /** Files and links from "Open with Lectern", a second launch, the bookmarklet or a lectern://open link. */
  async launched(request: LaunchRequest): Promise<void> {
    if (request.files.length === 0 && request.links.length === 0 && request.opens.length === 0) return;
    this.#focus();
    await this.#windowLoaded;
    // One window shows one article: the last one asked for.
    const open = request.opens.at(-1);
    if (open) this.#send({ type: 'open-article', ...open });
    if (request.files.length > 0) await this.importPaths(request.files);
    for (const link of request.links) this.#report([await importLink(this.#requireBackend().dispatch, link)]);
  }

  async importPaths(paths: readonly string[]): Promise<void> {
    const window = this.#window;
    const outcomes = await importPaths(this.#requireBackend().dispatch, paths, {
      onProgress: (progress) => window?.setProgressBar(progressBarValue(progress)),
    });
    window?.setProgressBar(-1);
    this.#report(outcomes);
  }

  #use(backend: Backend, libraryDir: string): void {
    this.#stopEvents();
    this.#backend = backend;
    this.#libraryDir = libraryDir;
    const stopForwarding = forwardEvents(backend.events, () =>
      BrowserWindow.getAllWindows().map((window) => window.webContents),
    );
    const barValue = jobProgressTracker();
    const stopProgress = backend.events.subscribe((event) => {
      if (event.type !== 'import-progress') return;
      const value = barValue(event);
      if (value !== null) this.#window?.setProgressBar(value);
    });
    this.#stopEvents = () => {
      stopForwarding();
      stopProgress();
    };
    this.#clip = this.#clip.then(async (previous) => {
      await previous?.close();
      return startClipEndpoint(backend, clipPortSetting(process.env.LECTERN_CLIP_PORT));
    });
  }

  #requireBackend(): Backend {
    if (!this.#backend) throw new LecternError('library-unavailable', 'Lectern’s library is not open.');
    return this.#backend;
  }

  #focus(): void {
    if (this.#window?.isMinimized()) this.#window.restore();
    this.#window?.focus();
  }

  #send(command: DesktopCommand): void {
    if (this.#window) sendCommand(this.#window.webContents, command);
  }

  #report(outcomes: ImportOutcome[]): void {
    if (outcomes.length > 0) this.#send({ type: 'import-report', outcomes });
  }

  #installMenu(): void {
    const template = menuTemplate(
      { platform: process.platform, theme: this.#theme },
      {
        importFiles: () => void this.#chooseAndImport(['openFile', 'multiSelections']),
        importFolder: () => void this.#chooseAndImport(['openDirectory', 'multiSelections']),
        addLink: () => void this.#addLinkFromClipboard(),
        importFromApp: () => this.#send({ type: 'import-from-app' }),
        openLibraryFolder: () => void this.#openLibraryFolder(),
        chooseLibraryFolder: () => void this.#chooseLibraryFolder(),
        setTheme: (theme) => void this.#setTheme(theme),
        toggleSidebar: () => this.#send({ type: 'toggle-sidebar' }),
        showShortcuts: () => this.#send({ type: 'show-shortcuts' }),
        exportLibrary: () => this.#send({ type: 'export' }),
        showSettings: () => this.#send({ type: 'show-settings' }),
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  async #chooseAndImport(properties: ('openFile' | 'openDirectory' | 'multiSelections')[]): Promise<void> {
    if (!this.#window) return;
    const folders = properties.includes('openDirectory');
    const { canceled, filePaths } = await dialog.showOpenDialog(this.#window, {
      title: folders ? 'Import Folder' : 'Import Files',
      buttonLabel: 'Import',
      properties,
      filters: folders ? [] : IMPORT_FILTERS,
    });
    if (!canceled && filePaths.length > 0) await this.importPaths(filePaths);
  }

  /** Add Link… takes the web address on the clipboard, after asking. */
  async #addLinkFromClipboard(): Promise<void> {
    if (!this.#window) return;
    const text = (await clipboard.readText()).trim();
    const url = externalUrl(text);
    if (!url || !/^https?:/.test(url)) {
      await dialog.showMessageBox(this.#window, {
        type: 'info',
        message: 'Copy a web address first',
        detail:
          'Add Link… saves the web page whose address is on the clipboard. Copy the address from your browser, then choose Add Link… again.',
      });
      return;
    }
    const { response } = await dialog.showMessageBox(this.#window, {
      type: 'question',
      message: 'Add this page to your library?',
      detail: url,
      buttons: ['Add', 'Cancel'],
      defaultId: 0,
      cancelId: 1,
    });
    if (response === 0) this.#report([await importLink(this.#requireBackend().dispatch, url)]);
  }

  /** The Export dialog's Choose…: a save dialog for a file, a folder dialog for Markdown's folder. */
  async #chooseExportPath(defaultPath: string, folder: boolean): Promise<string | null> {
    if (!this.#window) return null;
    if (folder) {
      const { canceled, filePaths } = await dialog.showOpenDialog(this.#window, {
        title: 'Export to Folder',
        buttonLabel: 'Export Here',
        defaultPath,
        properties: ['openDirectory', 'createDirectory'],
      });
      return canceled ? null : (filePaths[0] ?? null);
    }
    const { canceled, filePath } = await dialog.showSaveDialog(this.#window, {
      title: 'Export',
      buttonLabel: 'Export',
      defaultPath,
    });
    return canceled || !filePath ? null : filePath;
  }

  /** Settings › Restore from backup…: an open dialog for a backup .zip. */
  async #chooseBackupFile(): Promise<string | null> {
    if (!this.#window) return null;
    const { canceled, filePaths } = await dialog.showOpenDialog(this.#window, {
      title: 'Restore from Backup',
      buttonLabel: 'Choose Backup',
      properties: ['openFile'],
      filters: [{ name: 'Lectern backups', extensions: ['zip'] }],
    });
    return canceled ? null : (filePaths[0] ?? null);
  }

  async #openLibraryFolder(): Promise<void> {
    const problem = await shell.openPath(this.#libraryDir);
    if (problem)
      dialog.showErrorBox('Lectern could not open the library folder', `${this.#libraryDir}: ${problem}`);
  }

  async #setTheme(theme: ThemeChoice): Promise<void> {
    this.#theme = theme;
    nativeTheme.themeSource = theme;
    await this.preferences.update((prefs) => ({ ...prefs, theme }));
    this.#installMenu();
  }

  async #chooseLibraryFolder(): Promise<void> {
    if (!this.#window) return;
    const { canceled, filePaths } = await dialog.showOpenDialog(this.#window, {
      title: 'Choose Library Folder',
      buttonLabel: 'Choose',
      defaultPath: dirname(this.#libraryDir),
      properties: ['openDirectory', 'createDirectory'],
    });
    const [chosen] = filePaths;
    if (canceled || !chosen) return;
    try {
      const choice = libraryChoice(this.#libraryDir, chosen, await inspectFolder(chosen));
      if (choice.kind === 'same') return;
      if (choice.kind === 'open') return await this.#switchTo(choice.dir);
      const { response } = await dialog.showMessageBox(this.#window, {
        type: 'question',
        message: `Use ${choice.dir} for your library?`,
        detail:
          'Move copies every article there, checks each file, then switches; the old folder is left as it was. New starts an empty library there and keeps the current one where it is.',
        buttons: ['Move Library Here', 'Start a New Library', 'Cancel'],
        defaultId: 0,
        cancelId: 2,
      });
      if (response === 0) await this.#moveTo(choice.dir);
      if (response === 1) await this.#switchTo(choice.dir);
    } catch (error) {
      dialog.showErrorBox('Lectern could not change the library folder', messageOf(error));
    }
  }

  async #moveTo(dir: string): Promise<void> {
    const from = this.#libraryDir;
    const moved = await copyLibrary(from, dir);
    await this.#switchTo(moved.to);
    if (this.#window) {
      await dialog.showMessageBox(this.#window, {
        type: 'info',
        message: 'Your library has moved',
        detail: `${moved.files} files were copied to ${moved.to} and checked. The old folder, ${from}, was left as it was: delete it once you are happy with the new place.`,
      });
    }
  }

  /** A window that restored a backup into a new folder switches to it through the backend's switchLibrary. */
  #open(dir: string): Promise<Backend> {
    return openBackend(dir, {
      indexDelayMs: WINDOW_INDEX_DELAY_MS,
      switchLibrary: (next) => this.#switchTo(next),
      scheduledBackups: true,
    });
  }

  /** Opens the other library first (taking its lock), so a failure leaves the current one in use. */
  async #switchTo(dir: string): Promise<void> {
    const next = await this.#open(dir);
    const previous = this.#backend;
    this.#use(next, dir);
    await previous?.close();
    await this.preferences.update((prefs) => ({ ...prefs, libraryDir: dir }));
    this.#window?.webContents.reload();
  }
}
