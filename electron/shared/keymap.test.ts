import { describe, expect, it } from 'vitest';
import {
  accelerator,
  chordLabel,
  commandFor,
  keyHint,
  KEYMAP,
  matches,
  sheetSections,
  type KeyView,
} from './keymap';

const press = (
  key: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

/** The key press a chord stands for, as a keyboard would send it. */
function pressOf(chord: string) {
  const parts = chord.split('+');
  const key = parts.pop() as string;
  return press(key === 'Space' ? ' ' : key, {
    ctrlKey: parts.includes('Mod'),
    altKey: parts.includes('Alt'),
    shiftKey: parts.includes('Shift') || (key.length === 1 && key !== key.toLowerCase()) || key === '?',
  });
}

const VIEWS = Object.keys(KEYMAP) as KeyView[];

describe('the keymap', () => {
  it.each(VIEWS)('runs each %s command from each of its keys, and every one is on the sheet', (view) => {
    const sheet = sheetSections(view).flatMap((section) =>
      section.bindings.flatMap((binding) => binding.keys),
    );
    for (const binding of KEYMAP[view]) {
      if ('shownOnly' in binding) continue;
      for (const chord of binding.keys) {
        expect(commandFor(view, pressOf(chord)), chord).toBe(binding.command);
        expect(sheet).toContain(chord);
      }
    }
  });

  it('shows the keys of the view the sheet is opened from first', () => {
    expect(sheetSections('library').map((section) => section.view)).toEqual([
      'library',
      'everywhere',
      'reader',
      'highlights',
    ]);
    expect(sheetSections('reader')[0]?.view).toBe('reader');
  });

  it.each([
    ['j', press('j'), true],
    ['j', press('j', { ctrlKey: true }), false],
    ['G', press('G', { shiftKey: true }), true],
    ['?', press('?', { shiftKey: true }), true],
    ['Space', press(' '), true],
    ['Space', press(' ', { shiftKey: true }), false],
    ['Shift+Space', press(' ', { shiftKey: true }), true],
    ['Mod+a', press('a', { metaKey: true }), true],
    ['Mod+a', press('A', { ctrlKey: true, shiftKey: true }), true],
    ['Mod+\\', press('\\', { ctrlKey: true }), true],
    ['Alt+ArrowLeft', press('ArrowLeft', { altKey: true }), true],
    ['Alt+ArrowLeft', press('ArrowLeft'), false],
  ])('matches %s against %j: %s', (chord, keyPress, expected) =>
    expect(matches(chord, keyPress)).toBe(expected),
  );

  it.each([
    ['Mod+a', ['Ctrl/⌘', 'A'], 'CmdOrCtrl+A'],
    ['Mod+\\', ['Ctrl/⌘', '\\'], 'CmdOrCtrl+\\'],
    ['Alt+ArrowLeft', ['Alt', '←'], 'Alt+Left'],
    ['Shift+Space', ['Shift', 'Space'], 'Shift+Space'],
  ])('names %s for the sheet and the menu', (chord, label, menu) => {
    expect(chordLabel(chord)).toEqual(label);
    expect(accelerator(chord)).toBe(menu);
  });

  it('names a command’s key for a tooltip', () => {
    expect(keyHint('library', 'toggle-sidebar')).toBe('Ctrl/⌘+\\');
  });
});
