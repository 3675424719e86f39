/**
 * Imports files named by path: files chosen in the desktop app's Import
 * dialogs, opened with "Open with Lectern", or passed on the command line to
 * a second launch. Folders are walked for the files Lectern imports (hidden
 * files and folders skipped). Each file goes through `dispatch`, the same
 * entry point as every call from the window, one file per call, so the
 * caller can show progress and a bad file fails alone.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { FileInput, ImportOutcome } from '../../../shared/api';
import { LecternError, serializeError } from '../../../shared/errors';
import { fileTooLarge, MAX_IMPORT_BYTES } from '../../../shared/limits';
import type { Dispatch } from '../../dispatch';
import { isImportableName } from './detect';

export interface ImportProgress {
  done: number;
  total: number;
}

function failed(input: string, error: unknown): ImportOutcome {
  return { status: 'failed', input, error: serializeError(error) };
}

async function walk(dir: string, found: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, found);
    else if (entry.isFile() && isImportableName(entry.name)) found.push(path);
  }
}

/** The files to import: named files as they are, folders expanded; unreadable paths become outcomes. */
export async function collectFiles(
  paths: readonly string[],
): Promise<{ files: string[]; problems: ImportOutcome[] }> {
  const files: string[] = [];
  const problems: ImportOutcome[] = [];
  for (const path of paths.map((path) => resolve(path))) {
    const name = basename(path);
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const inside: string[] = [];
        await walk(path, inside);
        if (inside.length === 0) {
          throw new LecternError('unsupported-type', `The folder ${name} holds no files Lectern can import.`);
        }
        files.push(...inside);
      } else {
        files.push(path);
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT'
          ? new LecternError('not-found', `${name} was not found: it may have been moved or deleted.`)
          : code === 'EACCES' || code === 'EPERM'
            ? new LecternError('invalid-argument', `${name} could not be read: permission was denied.`)
            : error;
      problems.push(failed(name, reason));
    }
  }
  return { files: [...new Set(files)], problems };
}

async function readInput(path: string): Promise<FileInput> {
  const name = basename(path);
  const { size } = await stat(path);
  if (size > MAX_IMPORT_BYTES) throw fileTooLarge(name, size);
  return { name, type: '', bytes: new Uint8Array(await readFile(path)) };
}

/** Imports every file under `paths`, reporting progress after each one. */
export async function importPaths(
  dispatch: Dispatch,
  paths: readonly string[],
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportOutcome[]> {
  const { files, problems } = await collectFiles(paths);
  const outcomes = [...problems];
  const total = files.length;
  onProgress({ done: 0, total });
  for (const [index, path] of files.entries()) {
    const name = basename(path);
    try {
      const result = await dispatch('importFiles', [[await readInput(path)]]);
      if (!result.ok) outcomes.push({ status: 'failed', input: name, error: result.error });
      else outcomes.push(...(result.value as ImportOutcome[]));
    } catch (error) {
      outcomes.push(failed(name, error));
    }
    onProgress({ done: index + 1, total });
  }
  return outcomes;
}
