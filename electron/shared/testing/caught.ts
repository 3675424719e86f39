/**
 * The error a promise was meant to fail with, for tests that check its code
 * and words: fails the test when the promise succeeds or throws anything but
 * a LecternError.
 */
import { LecternError } from '../errors';

export async function caught(promise: Promise<unknown>): Promise<LecternError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LecternError) return error;
    throw new Error(`expected a LecternError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a LecternError');
}
