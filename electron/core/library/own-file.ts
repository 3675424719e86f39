/**
 * Reads a file of the library only if it is a file of the library: a
 * symbolic link planted in its place (to a file outside, or anywhere) is
 * refused, not followed, so nothing outside the folder is ever shown or
 * imported as if it were an article. The check is the open itself
 * (O_NOFOLLOW), not a look before it, so a link swapped in between cannot slip
 * through. Windows has no O_NOFOLLOW; there a link needs an administrator to make.
 */
import { closeSync, constants, openSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** The file's bytes; fails with ELOOP when `path` is a symbolic link. */
export async function readOwnBytes(path: string): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | NO_FOLLOW);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** The file's text; fails with ELOOP when `path` is a symbolic link. */
export async function readOwnFile(path: string): Promise<string> {
  return (await readOwnBytes(path)).toString('utf8');
}

/**
 * The same, blocking: for a worker thread reading many small files, where
 * each asynchronous read costs more in its round trips than in the reading.
 */
export function readOwnFileSync(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | NO_FOLLOW);
  try {
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** True when `error` says the file is a symbolic link (or otherwise not a plain file to read). */
export function isNotOwnFile(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ELOOP' || code === 'EISDIR' || code === 'EMLINK';
}

/** True when `error` says there is no file at that path. */
export function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
