/** Names the Electron transport shares between main and preload; everything else is the API's method names. */
export const IPC_CALL = 'lectern:call';
export const IPC_EVENT = 'lectern:event';
/** Stored article images: lectern-asset://<article id>/<asset name> (main/asset-protocol.ts). */
export const ASSET_SCHEME = 'lectern-asset';
/** Commands from the desktop app's menus to the window (shared/desktop-commands.ts). */
export const IPC_COMMAND = 'lectern:command';
/** The window's requests for native dialogs and the file manager (shared/desktop-commands.ts NativeActions). */
export const IPC_NATIVE = 'lectern:native';
