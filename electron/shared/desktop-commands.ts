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
  | { type: 'toggle-sidebar' }
  | { type: 'show-shortcuts' };

export type DesktopCommandType = DesktopCommand['type'];

/** What the preload script exposes as window.lecternDesktop, in Electron only. */
export interface DesktopBridge {
  onCommand(listener: (command: DesktopCommand) => void): () => void;
}
