import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryChoice, SUBFOLDER_NAME } from './library-choice';

const CURRENT = resolve('/home/reader/.config/Lectern/Library');

describe('libraryChoice', () => {
  it('does nothing for the current library', () => {
    expect(libraryChoice(CURRENT, `${CURRENT}/`, { isLibrary: true, isEmpty: false })).toEqual({
      kind: 'same',
    });
  });

  it('opens a folder that already is a library', () => {
    expect(libraryChoice(CURRENT, '/sync/Lectern', { isLibrary: true, isEmpty: false })).toEqual({
      kind: 'open',
      dir: resolve('/sync/Lectern'),
    });
  });

  it('offers an empty folder as the new place', () => {
    expect(libraryChoice(CURRENT, '/sync/new', { isLibrary: false, isEmpty: true })).toEqual({
      kind: 'move-or-new',
      dir: resolve('/sync/new'),
    });
  });

  it('puts the library in a subfolder of a folder holding other things', () => {
    expect(libraryChoice(CURRENT, '/home/reader/Documents', { isLibrary: false, isEmpty: false })).toEqual({
      kind: 'move-or-new',
      dir: join(resolve('/home/reader/Documents'), SUBFOLDER_NAME),
    });
  });
});
