import { describe } from 'vitest';
import { withSort } from './query-sort';
import { itReturns } from '@shared/testing/returns';

describe('withSort', () => {
  itReturns(withSort, '%s, choosing %s, reads %s', [
    ['loaf sort:title', 'added', 'loaf sort:added'],
    ['sort:words-asc loaf crumb', 'title', 'sort:title loaf crumb'],
    ['loaf SORT:title is:unread', 'progress', 'loaf sort:progress is:unread'],
    // Two typed sorts become one.
    ['sort:title loaf sort:words', 'added', 'sort:added loaf '],
    // Best match removes the sort, keeping the space that says "loaf" is a whole word.
    ['loaf sort:title', 'relevance', 'loaf '],
    ['sort:title loaf', 'relevance', 'loaf'],
    ['loaf', 'title', 'loaf'],
  ]);
});
