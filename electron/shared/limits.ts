/**
 * Size limits shared by the renderer (which refuses before reading a file
 * into memory) and the backend (which enforces them for every transport).
 */
import { LecternError } from './errors';

/** Largest file Lectern reads for import. Saved pages and books fit well below it. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/**
 * Largest body of one call over the browser shell's HTTP transport: one file
 * at the import limit plus the frame around it. The renderer sends one import
 * batch at a time, and a file over the import limit is refused before it is read.
 */
export const MAX_REQUEST_BYTES = MAX_IMPORT_BYTES + 1024 * 1024;

/** Largest text clip, in characters. */
export const MAX_TEXT_CHARS = 10 * 1024 * 1024;

export function fileTooLarge(name: string, size: number): LecternError {
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return new LecternError(
    'too-large',
    `${name} is ${mb(size)}, more than the ${mb(MAX_IMPORT_BYTES)} Lectern imports. Nothing was saved.`,
  );
}

/** Longest note, on a highlight or an article, in characters. */
export const MAX_NOTE_CHARS = 200_000;

/** Longest highlighted passage, in characters: a long chapter, not a whole book. */
export const MAX_QUOTE_CHARS = 100_000;
