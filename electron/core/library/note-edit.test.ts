import { describe, expect, it } from 'vitest';
import { judgeNoteEdit } from './note-edit';

describe('judgeNoteEdit', () => {
  it.each([
    ['writes an edit made on the note as stored', 'old', { text: 'new', base: 'old' }, { saved: true }, true],
    [
      'refuses an edit made on a copy changed since',
      'theirs',
      { text: 'mine', base: 'old' },
      { saved: false, theirs: 'theirs' },
      false,
    ],
    [
      'takes an edit already held as saved, without a write',
      'same',
      { text: 'same', base: 'old' },
      { saved: true },
      false,
    ],
    [
      'refuses a first note over one written elsewhere',
      'theirs',
      { text: 'mine', base: '' },
      { saved: false, theirs: 'theirs' },
      false,
    ],
    ['lets an emptied note be refilled', '', { text: 'again', base: '' }, { saved: true }, true],
  ])('%s', (_name, stored, edit, answer, write) => {
    expect(judgeNoteEdit(stored, edit)).toEqual({ answer, write });
  });
});
