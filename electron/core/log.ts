/**
 * The backend's one rule for logging errors: expected failures are
 * LecternErrors and are told to the person; anything else is a bug, and its
 * stack goes to the log (never to the screen).
 */
import { LecternError } from '../shared/errors';

export function logUnexpected(error: unknown): void {
  if (!(error instanceof LecternError)) console.error('Lectern: unexpected error', error);
}
