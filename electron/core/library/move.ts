/**
 * Moves a library to another folder in three steps: copy, verify, switch.
 * The copy goes to a staging folder beside the destination and is compared
 * file by file (path, size, SHA-256) with the original before it is renamed
 * into place, so a full disk or a flaky drive leaves no half library at the
 * new place. The original is left untouched: the app switches to the copy
 * and tells the person where the old folder is, to delete once they are sure.
 * Derived data (.cache) and the lock file are not copied.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { cp, mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { LecternError } from '../../shared/errors';
import { within } from '../files/inside';
import { LOCK_FILE } from './lock';
import { storageError } from './storage-error';

const SKIPPED = new Set([LOCK_FILE, '.cache']);

export interface MoveResult {
  to: string;
  files: number;
  bytes: number;
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every file to carry, as relative path → size, skipping derived data and the lock. */
async function inventory(root: string): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const rel = relative(root, path);
    if (SKIPPED.has(rel.split(sep)[0] as string)) continue;
    if (entry.isFile()) files.set(rel, (await stat(path)).size);
  }
  return files;
}

/** True for a missing or empty folder; false for anything with content or a file. */
async function isEmptyFolder(path: string): Promise<boolean> {
  try {
    return (await readdir(path)).length === 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return true;
    if (code === 'ENOTDIR' && (await stat(path).catch(() => null))?.isFile()) return false;
    throw storageError(path, 'look into the destination', error);
  }
}

async function verify(from: string, copy: string, expected: Map<string, number>): Promise<void> {
  const copied = await inventory(copy);
  const missing = [...expected.keys()].filter((file) => copied.get(file) !== expected.get(file));
  if (missing.length > 0 || copied.size !== expected.size) {
    throw new LecternError(
      'library-unavailable',
      `The copy of the library differs from the original (${missing[0] ?? 'an extra file'}); nothing was moved.`,
    );
  }
  for (const file of expected.keys()) {
    if ((await sha256(join(from, file))) !== (await sha256(join(copy, file)))) {
      throw new LecternError(
        'library-unavailable',
        `The copy of ${file} does not match the original; nothing was moved.`,
      );
    }
  }
}

/** Copies the library at `from` to `to` (a new or empty folder) and checks every byte. */
export async function copyLibrary(fromDir: string, toDir: string): Promise<MoveResult> {
  const from = resolve(fromDir);
  const to = resolve(toDir);
  if (within(from, to) || within(to, from)) {
    throw new LecternError(
      'invalid-argument',
      `The library cannot move to ${to}: that folder is inside the library or contains it.`,
    );
  }
  if (!(await isEmptyFolder(to))) {
    throw new LecternError(
      'invalid-argument',
      `The library cannot move to ${to}: that folder is not empty. Choose a new or empty folder.`,
    );
  }
  const staging = join(dirname(to), `.${basename(to)}.lectern-move-${randomBytes(4).toString('hex')}`);
  try {
    const expected = await inventory(from);
    await mkdir(dirname(to), { recursive: true });
    await cp(from, staging, {
      recursive: true,
      errorOnExist: true,
      force: false,
      verbatimSymlinks: true,
      filter: (source) => !SKIPPED.has(relative(from, source).split(sep)[0] as string),
    });
    await verify(from, staging, expected);
    await rmdir(to).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(staging, to);
    return { to, files: expected.size, bytes: [...expected.values()].reduce((sum, size) => sum + size, 0) };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw storageError(to, 'copy the library', error);
  }
}

/** What a folder picked as the library's new place already holds. */
export async function inspectFolder(dir: string): Promise<{ isLibrary: boolean; isEmpty: boolean }> {
  const isLibrary = await stat(join(dir, 'lectern.json')).then(
    (info) => info.isFile(),
    () => false,
  );
  return { isLibrary, isEmpty: !isLibrary && (await isEmptyFolder(dir).catch(() => false)) };
}
