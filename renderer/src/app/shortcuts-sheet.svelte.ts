/**
 * Whether the keyboard-shortcuts sheet is showing. One sheet for the whole
 * window, opened by `?` (or Ctrl/⌘+/) in any view and by Help › Keyboard Shortcuts in
 * the desktop app's menu.
 */
export class ShortcutsSheetState {
  open = $state(false);
}
