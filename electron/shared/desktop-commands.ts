/**
 * What the desktop app's main process asks of the window. Menus and
 * launches never run features themselves: main either calls the backend
 * through the same dispatch as the window, then hands the outcome here for
 * the window to show, or asks the window to do what only the UI can (show a
 * panel). The browser shell has no menus and never sends these.
 */
import type { ImportOutcome } from './api';

export type DesktopCommand =
  /** An import main ran (menu, "Open with Lectern", a second launch) finished: tell the person. */
  | { type: 'import-report'; outcomes: ImportOutcome[] }
  /** A lectern://open link: the window shows the article, at the highlight when one is named. */
  | { type: 'open-article'; id: string; highlight: string | null }
  | { type: 'toggle-sidebar' }
  | { type: 'show-shortcuts' }
  /** File › Import from Another App…: the window opens its panel of apps, with its file picker. */
  | { type: 'import-from-app' }
  /** File › Export…: the window opens its Export dialog on the whole library. */
  | { type: 'export' }
  /** Settings… (Preferences on macOS): the window shows its Settings page. */
  | { type: 'show-settings' };

export type DesktopCommandType = DesktopCommand['type'];

/** What the window asks of the desktop app's native side: dialogs and the file manager. */
export interface NativeActions {
  /**
   * A native save dialog (a folder dialog when `folder`) starting at
   * `defaultPath`; the path chosen, or null when cancelled.
   */
  chooseExportPath(defaultPath: string, folder: boolean): Promise<string | null>;
  /** Shows a file or folder in the file manager, selected. */
  showInFolder(path: string): Promise<void>;
  /** Opens the library folder in the file manager. */
  openLibraryFolder(): Promise<void>;
  /** File › Choose Library Folder…: pick, then open, move or start a library there. */
  chooseLibraryFolder(): Promise<void>;
  /** An open dialog for a backup .zip to restore; the path chosen, or null when cancelled. */
  chooseBackupFile(): Promise<string | null>;
}

export const NATIVE_ACTIONS: Record<keyof NativeActions, true> = {
  chooseExportPath: true,
  showInFolder: true,
  openLibraryFolder: true,
  chooseLibraryFolder: true,
  chooseBackupFile: true,
};

/** What the preload script exposes as window.lecternDesktop, in Electron only. */
export interface DesktopBridge extends NativeActions {
  onCommand(listener: (command: DesktopCommand) => void): () => void;
}
