import { describe, expect, it } from 'vitest';
import { addedTitles } from './added-titles';

describe('addedTitles', () => {
  it.each([
    [[], ''],
    [['A'], 'Added “A”'],
    [['A', 'B'], 'Added “A” and “B”'],
    [['A', 'B', 'C'], 'Added “A”, “B” and “C”'],
    [['A', 'B', 'C', 'D', 'E'], 'Added “A”, “B” and 3 more'],
  ])('%j → %j', (titles, expected) => {
    expect(addedTitles(titles)).toBe(expected);
  });
});
