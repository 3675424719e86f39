/**
 * Errors are values with words. Every failure that crosses the API carries one
 * of these codes and a sentence a person can act on; stacks stay in the log.
 */

export const ERROR_CODES = [
  'invalid-argument',
  'not-found',
  'unsupported-type',
  'empty-file',
  'invalid-encoding',
  'too-large',
  'extraction-failed',
  'unreachable',
  'fetch-failed',
  'cancelled',
  'library-unavailable',
  'library-corrupt',
  'library-in-use',
  'transport-failed',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The plain-object form of an error, as it travels over IPC or HTTP. */
export interface SerializedError {
  code: ErrorCode;
  message: string;
}

export class LecternError extends Error {
  override readonly name = 'LecternError';

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  toJSON(): SerializedError {
    return { code: this.code, message: this.message };
  }
}

const INTERNAL_MESSAGE =
  'Something went wrong inside Lectern. Your library was not changed; please try again.';

/**
 * Turns anything thrown into a SerializedError. Unknown errors become
 * `internal` with a generic sentence: their details belong in the log, not on
 * the screen.
 */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof LecternError) return error.toJSON();
  return { code: 'internal', message: INTERNAL_MESSAGE };
}

export function isSerializedError(value: unknown): value is SerializedError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return (
    typeof message === 'string' &&
    typeof code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(code)
  );
}

/** Rebuilds a LecternError on the calling side of a transport. */
export function deserializeError(value: unknown): LecternError {
  if (isSerializedError(value)) return new LecternError(value.code, value.message);
  return new LecternError('transport-failed', 'Lectern’s backend sent an answer it could not read.');
}

/**
 * The sentence to show a person for anything a call threw. Every client-side
 * failure goes through here, so a raw stack or an `[object Object]` never
 * reaches the screen: an error without words gets the generic sentence.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message !== '') return error.message;
  if (typeof error === 'string' && error !== '') return error;
  return INTERNAL_MESSAGE;
}
