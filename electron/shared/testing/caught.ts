/**
 * The error a promise was meant to fail with, for tests that check its code
 * and words: fails the test when the promise succeeds or throws anything but
 * a LecternError.
 */
import { expect } from 'vitest';
import { LecternError } from '../errors';

export async function caught(promise: Promise<unknown>): Promise<LecternError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LecternError);
    return error as LecternError;
  }
  throw new Error('expected a LecternError');
}
