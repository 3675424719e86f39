/**
 * Whether the keyboard-shortcuts sheet is showing. One sheet for the whole
 * window, opened by `?` in the reader and by Help › Keyboard Shortcuts in
 * the desktop app's menu.
 */
export class ShortcutsSheetState {
  open = $state(false);
}
