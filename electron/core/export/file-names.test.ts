import { describe, expect, it } from 'vitest';
import { articleFileName, MAX_STEM_BYTES, safeFileStem, shortIdOf } from './file-names';
import { itReturns } from '../../shared/testing/returns';

describe('safeFileStem', () => {
  itReturns(safeFileStem, [
    ['A: "quoted" <title>/with\\every|bad?char*', 'A quoted title with every bad char'],
    ['Trailing dots...  ', 'Trailing dots'],
    ['...hidden', 'hidden'],
    ['CON', '_CON'],
    ['lpt1.txt', '_lpt1.txt'],
    ['Console', 'Console'],
    ['tab\there\nnewline', 'tab here newline'],
    ['', 'Untitled'],
    ['???', 'Untitled'],
  ]);

  it('cuts long titles to the byte limit on a character boundary', () => {
    const stem = safeFileStem('海'.repeat(200));
    expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(MAX_STEM_BYTES);
    expect(stem).toBe('海'.repeat(60));
    expect(safeFileStem('😀'.repeat(100))).toBe('😀'.repeat(45));
  });
});

describe('articleFileName', () => {
  it('ends in the short id, which finds the file again', () => {
    const name = articleFileName('Keepers', 'mx01abcdef-k3j4h5g6', 'md');
    expect(name).toBe('Keepers (k3j4h5g6).md');
    expect(shortIdOf(name, 'md')).toBe('k3j4h5g6');
    expect(shortIdOf('My own note.md', 'md')).toBeNull();
  });
});
