/**
 * Turns a file-system failure into a sentence about the library folder. The
 * person cannot act on "EACCES", but can on "permission denied".
 */
import { LecternError } from '../../shared/errors';

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission was denied',
  EPERM: 'permission was denied',
  EROFS: 'the folder is on a read-only disk',
  ENOENT: 'a folder inside it is missing',
  EMFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
};

export function storageError(libraryDir: string, action: string, error: unknown): LecternError {
  if (error instanceof LecternError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const reason = REASONS[code] ?? 'the file system refused';
  return new LecternError(
    'library-unavailable',
    `Lectern could not ${action} in the library folder ${libraryDir}: ${reason}.`,
  );
}

/** Something found wrong while opening a library, reported rather than fatal. */
export interface LibraryProblem {
  path: string;
  message: string;
}
