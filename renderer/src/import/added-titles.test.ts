import { describe } from 'vitest';
import { addedTitles } from './added-titles';
import { itReturns } from '@shared/testing/returns';

describe('addedTitles', () => {
  itReturns(addedTitles, [
    [[], ''],
    [['A'], 'Added “A”'],
    [['A', 'B'], 'Added “A” and “B”'],
    [['A', 'B', 'C'], 'Added “A”, “B” and “C”'],
    [['A', 'B', 'C', 'D', 'E'], 'Added “A”, “B” and 3 more'],
  ]);
});
