/**
 * Every keyboard shortcut of the app, listed once. The `?` sheet, the
 * desktop menus' accelerators and the views' key handlers are all made from
 * this list, so what the person is told, what the menu shows and what a key
 * does cannot disagree.
 *
 * A chord is written `Mod+Shift+Alt+key`, where Mod is Ctrl (⌘ on macOS) and
 * key is a KeyboardEvent.key ('Space' for ' '). A single printed character
 * already says whether Shift was held ('G', '?'), so Shift is matched only
 * for named keys (Space, arrows, Enter…).
 */

export type KeyView = 'library' | 'reader' | 'highlights' | 'settings' | 'everywhere';

export interface KeyBinding<C extends string = string> {
  command: C;
  keys: string[];
  does: string;
  /** The desktop menu item running the same command; its accelerator is this binding's first key with Mod (a bare key would be taken from typing). */
  menu?: string;
  /** Shown on the sheet but done by the view itself (text selection), not by a key handler here. */
  shownOnly?: true;
}

export const KEYMAP = {
  library: [
    { command: 'next', keys: ['j', 'ArrowDown'], does: 'Next article' },
    { command: 'previous', keys: ['k', 'ArrowUp'], does: 'Previous article' },
    { command: 'open', keys: ['Enter'], does: 'Open the article' },
    { command: 'select', keys: ['x'], does: 'Select or unselect the article' },
    { command: 'search', keys: ['/'], does: 'Search' },
    { command: 'select-all', keys: ['Mod+a'], does: 'Select every article in the list' },
    { command: 'clear-selection', keys: ['Escape'], does: 'Clear the selection' },
    { command: 'trash', keys: ['Delete'], does: 'Move the selected articles to the trash' },
    {
      command: 'article-menu',
      keys: ['Shift+F10', 'ContextMenu'],
      does: 'More for the article: edit details, re-extract',
      // The row opens its own menu, so the list stays one tab stop.
      shownOnly: true,
    },
    { command: 'toggle-sidebar', keys: ['Mod+\\'], does: 'Hide or show the sidebar', menu: 'Toggle Sidebar' },
  ],
  reader: [
    { command: 'scroll-down', keys: ['j'], does: 'Scroll down' },
    { command: 'scroll-up', keys: ['k'], does: 'Scroll up' },
    { command: 'page-down', keys: ['Space'], does: 'Page down' },
    { command: 'page-up', keys: ['Shift+Space'], does: 'Page up' },
    { command: 'top', keys: ['g'], does: 'Go to the top' },
    { command: 'end', keys: ['G'], does: 'Go to the end' },
    { command: 'previous', keys: ['['], does: 'Previous article in the list' },
    { command: 'next', keys: [']'], does: 'Next article in the list' },
    {
      command: 'select-text',
      keys: ['Shift+arrows'],
      does: 'Select text (with Ctrl/⌘: by word)',
      shownOnly: true,
    },
    { command: 'highlight', keys: ['h'], does: 'Highlight the selection (last colour)' },
    { command: 'note', keys: ['n'], does: 'Highlight the selection and write a note' },
    { command: 'archive', keys: ['e'], does: 'Archive (again: back to the inbox)' },
    { command: 'favorite', keys: ['s'], does: 'Favorite or unfavorite' },
    { command: 'find', keys: ['Mod+f'], does: 'Find in article' },
    { command: 'escape', keys: ['Escape'], does: 'Close what is open, else go back' },
  ],
  highlights: [{ command: 'back', keys: ['Escape'], does: 'Go back' }],
  settings: [{ command: 'back', keys: ['Escape'], does: 'Go back' }],
  everywhere: [
    { command: 'back', keys: ['Alt+ArrowLeft'], does: 'Go back (also the mouse’s back button)' },
    { command: 'shortcuts', keys: ['?', 'Mod+/'], does: 'Show these shortcuts', menu: 'Keyboard Shortcuts' },
  ],
} as const satisfies Record<KeyView, readonly KeyBinding[]>;

/** The commands a view's keys run. */
export type CommandOf<V extends KeyView> = (typeof KEYMAP)[V][number]['command'];

/** What a key press carries that a chord is matched against. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

interface Chord {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

function parseChord(chord: string): Chord {
  const parts = chord.split('+');
  // 'Mod++' would be a plus key; no binding uses it, so the last part is the key.
  const key = parts.pop() as string;
  return {
    key: key === 'Space' ? ' ' : key,
    mod: parts.includes('Mod'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
  };
}

export function matches(chord: string, press: KeyPress): boolean {
  const wanted = parseChord(chord);
  const printed = wanted.key.length === 1 && wanted.key !== ' ';
  const key = wanted.mod ? press.key.toLowerCase() === wanted.key.toLowerCase() : press.key === wanted.key;
  return (
    key &&
    wanted.mod === (press.ctrlKey || press.metaKey) &&
    wanted.alt === press.altKey &&
    (printed || wanted.shift === press.shiftKey)
  );
}

/** The command of `view` a key press runs, if any. */
export function commandFor<V extends KeyView>(view: V, press: KeyPress): CommandOf<V> | null {
  const bindings: readonly KeyBinding[] = KEYMAP[view];
  const found = bindings.find(
    (binding) => !binding.shownOnly && binding.keys.some((chord) => matches(chord, press)),
  );
  return (found?.command as CommandOf<V> | undefined) ?? null;
}

const KEY_NAMES: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  ' ': 'Space',
};

/** The parts of a chord as the sheet shows them: ['Ctrl/⌘', 'A']. */
export function chordLabel(chord: string): string[] {
  const { key, mod, shift, alt } = parseChord(chord);
  const name = KEY_NAMES[key] ?? (mod && key.length === 1 ? key.toUpperCase() : key);
  return [...(mod ? ['Ctrl/⌘'] : []), ...(alt ? ['Alt'] : []), ...(shift ? ['Shift'] : []), name];
}

/** The chord as an Electron menu accelerator ('CmdOrCtrl+\\'). */
export function accelerator(chord: string): string {
  const { key, mod, shift, alt } = parseChord(chord);
  const name = key === ' ' ? 'Space' : key.length === 1 ? key.toUpperCase() : key.replace('Arrow', '');
  return [...(mod ? ['CmdOrCtrl'] : []), ...(alt ? ['Alt'] : []), ...(shift ? ['Shift'] : []), name].join(
    '+',
  );
}

/** The accelerator of the binding a menu item runs. */
export function menuAccelerator(menu: string): string {
  const all: readonly KeyBinding[] = Object.values(KEYMAP).flat();
  const binding = all.find((candidate) => candidate.menu === menu);
  if (!binding) throw new Error(`no key binding for the menu item ${menu}`);
  const chord = binding.keys.find((key) => key.startsWith('Mod+'));
  if (!chord) throw new Error(`the menu item ${menu} has no key with Ctrl/⌘`);
  return accelerator(chord);
}

/** The sheet's sections: the view it is opened from first, then the keys that work everywhere, then the other views. */
export function sheetSections(from: KeyView): { view: KeyView; bindings: readonly KeyBinding[] }[] {
  const order: KeyView[] = [
    from,
    ...(['everywhere', 'library', 'reader', 'highlights'] as const).filter((view) => view !== from),
  ];
  return order.map((view) => ({ view, bindings: KEYMAP[view] }));
}

/** A command's first key as a tooltip says it: 'Ctrl/⌘+\'. */
export function keyHint<V extends KeyView>(view: V, command: CommandOf<V>): string {
  const bindings: readonly KeyBinding[] = KEYMAP[view];
  const chord = bindings.find((binding) => binding.command === command)?.keys[0];
  return chord ? chordLabel(chord).join('+') : '';
}
