import { describe, expect, it } from 'vitest';
import { findAll, MAX_MATCHES } from './find';

describe('findAll', () => {
  it.each([
    { text: 'The sea, the Sea, THE SEA', query: 'sea', expected: [4, 13, 22] },
    { text: 'aaaa', query: 'aa', expected: [0, 2] },
    { text: 'nothing here', query: 'sea', expected: [] },
    { text: 'blank query', query: '  ', expected: [] },
  ])('finds “$query” in “$text”', ({ text, query, expected }) => {
    expect(findAll(text, query).map((match) => match.start)).toEqual(expected);
  });

  it('stops at the cap', () => {
    expect(findAll('a '.repeat(MAX_MATCHES + 50), 'a')).toHaveLength(MAX_MATCHES);
  });
});
