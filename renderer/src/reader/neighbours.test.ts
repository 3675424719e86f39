import { describe, expect, it } from 'vitest';
import { neighboursOf } from './neighbours';

describe('neighboursOf', () => {
  const library = ['e', 'd', 'c', 'b', 'a'];

  it.each([
    ['the middle of the list it was opened from', 'b', ['a', 'b', 'c'], { previous: 'a', next: 'c' }],
    ['the first of that list', 'a', ['a', 'b', 'c'], { previous: undefined, next: 'b' }],
    [
      'the last of that list, though the library goes on',
      'c',
      ['a', 'b', 'c'],
      { previous: 'b', next: undefined },
    ],
    ['an article not in that list: the library order', 'd', ['a', 'b', 'c'], { previous: 'e', next: 'c' }],
    ['no list shown yet: the library order', 'c', null, { previous: 'd', next: 'b' }],
    ['an article in neither', 'z', ['a'], { previous: undefined, next: undefined }],
  ])('%s', (_, id, list, expected) => {
    expect(neighboursOf(id, list, library)).toEqual(expected);
  });
});
