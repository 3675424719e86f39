/**
 * Where an export lands. Every output is written under a temporary name in
 * the target folder and renamed over the final name only when complete, so
 * the final name never holds a half-written file (a crash leaves at most a
 * dot-named temp file). The folder is checked first, so an unwritable target
 * fails with a sentence before any work is done.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LecternError } from '../../shared/errors';
import { writeFileAtomic } from '../files/atomic-write';

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission was denied',
  EPERM: 'permission was denied',
  EROFS: 'it is on a read-only disk',
  ENOENT: 'it does not exist',
  ENOTDIR: 'it is a file, not a folder',
};

/** A file-system failure while writing `path`, in words. */
export function outputError(path: string, error: unknown): LecternError {
  if (error instanceof LecternError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const reason = REASONS[code] ?? 'the file system refused';
  return new LecternError('invalid-argument', `Lectern could not write the export to ${path}: ${reason}.`);
}

/** Creates `folder` when missing and checks that it can be written to. */
export async function ensureWritableFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    if (!(await stat(folder)).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    await access(folder, constants.W_OK);
  } catch (error) {
    throw outputError(folder, error);
  }
}

/** Writes a whole file at `path` atomically, after checking its folder. */
export async function writeOutput(path: string, data: string | Uint8Array): Promise<void> {
  await ensureWritableFolder(dirname(path));
  try {
    await writeFileAtomic(path, data);
  } catch (error) {
    throw outputError(path, error);
  }
}

/**
 * Lets `write` fill a temporary file beside `path` (for outputs streamed in
 * pieces, such as a zip), then renames it to `path`; on failure the temp
 * file is removed and `path` is untouched.
 */
export async function writeOutputVia(path: string, write: (temp: string) => Promise<void>): Promise<void> {
  await ensureWritableFolder(dirname(path));
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await write(temp);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw outputError(path, error);
  }
}
