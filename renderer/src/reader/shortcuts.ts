/**
 * The reader's keyboard shortcuts, listed once: the `?` sheet shows this list
 * and the user guide's Keyboard table (docs/user-guide.md) says the same.
 */
export interface Shortcut {
  keys: string[];
  does: string;
}

export const READER_SHORTCUTS: Shortcut[] = [
  { keys: ['j', '↓'], does: 'Scroll down' },
  { keys: ['k', '↑'], does: 'Scroll up' },
  { keys: ['Space'], does: 'Page down' },
  { keys: ['Shift', 'Space'], does: 'Page up' },
  { keys: ['g'], does: 'Go to the top' },
  { keys: ['G'], does: 'Go to the end' },
  { keys: ['['], does: 'Previous article in the list' },
  { keys: [']'], does: 'Next article in the list' },
  { keys: ['Shift', 'arrows'], does: 'Select text (with Ctrl/⌘: by word)' },
  { keys: ['h'], does: 'Highlight the selection (last colour)' },
  { keys: ['n'], does: 'Highlight the selection and write a note' },
  { keys: ['e'], does: 'Archive (again: back to the inbox)' },
  { keys: ['s'], does: 'Favorite or unfavorite' },
  { keys: ['Ctrl/⌘', 'F'], does: 'Find in article' },
  { keys: ['Esc'], does: 'Close what is open, else back to the library' },
  { keys: ['?'], does: 'Show these shortcuts' },
];
