import { describe, expect, it } from 'vitest';
import { LecternError, errorMessage } from './errors';

describe('errorMessage', () => {
  it.each([
    ['a LecternError', new LecternError('not-found', 'That article is gone.'), 'That article is gone.'],
    ['a plain Error', new Error('Disk full.'), 'Disk full.'],
    ['a string', 'Offline.', 'Offline.'],
  ])('keeps the words of %s', (_, error, expected) => {
    expect(errorMessage(error)).toBe(expected);
  });

  it.each([
    ['an empty Error', new Error('')],
    ['an object', { reason: 'x' }],
    ['undefined', undefined],
  ])('gives the generic sentence for %s', (_, error) => {
    expect(errorMessage(error)).toMatch(/^Something went wrong inside Lectern/);
  });
});
