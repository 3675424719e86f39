/**
 * Imports what is named by path: files and folders chosen in the desktop
 * app's Import dialogs, opened with "Open with Lectern" or passed to a second
 * launch, and the command line's arguments (which may also be web
 * addresses). Folders are walked for what electron/shared/importable-files.ts
 * keeps, the same rule a drop on the window follows; a saved page brings its
 * `<name>_files/` folder along as its images, whether it was named itself or
 * found in a folder.
 *
 * Each input goes through `dispatch`, the entry point every call from the
 * window takes, so its arguments meet the same schemas; one input per call,
 * so the caller can show progress and a bad file fails alone. Sizes are
 * checked with stat before a byte is read, and an input's bytes are read
 * only when its turn comes, so a large folder is never held in memory.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { FileInput, ImportOutcome } from '../../../shared/api';
import { LecternError, serializeError } from '../../../shared/errors';
import { groupSavedPages } from '../../../shared/import-units';
import { keptForImport, walkKeeps } from '../../../shared/importable-files';
import { fileTooLarge, MAX_IMPORT_BYTES } from '../../../shared/limits';
import { asWebUrl } from '../../../shared/url-normalize';
import type { Dispatch } from '../../dispatch';
import { mapBounded } from './bounded';

/** A file on disk, with its "/"-separated path inside what was named. */
interface FoundFile {
  name: string;
  path: string;
  file: string;
}

/** One import: a web address, a file with its saved page's files, or a path that cannot be read. */
export type PathInput =
  | { kind: 'url'; input: string; url: string }
  | { kind: 'file'; input: string; main: FoundFile; related: FoundFile[] }
  | { kind: 'error'; input: string; error: unknown };

export interface ImportProgress {
  done: number;
  total: number;
}

/** More files than this in one saved page's folder are left out: no page needs them. */
const MAX_RELATED_FILES = 500;
const PAGE = /\.(?:html?|xhtml)$/i;

async function walk(folder: string, prefix: string, out: FoundFile[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) await walk(join(folder, entry.name), `${path}/`, out);
    } else if (entry.isFile() && walkKeeps(path)) {
      out.push({ name: entry.name, path, file: join(folder, entry.name) });
    }
  }
}

/** A named file, with its saved page's folder when it is a page that has one. */
async function namedFile(file: string): Promise<PathInput> {
  const name = basename(file);
  const main: FoundFile = { name, path: name, file };
  const related: FoundFile[] = [];
  if (PAGE.test(name)) {
    const folder = `${name.replace(PAGE, '')}_files`;
    try {
      await walk(join(dirname(file), folder), `${folder}/`, related);
    } catch {
      // A page saved on its own has no folder.
    }
  }
  return { kind: 'file', input: file, main, related };
}

/** A folder's imports: one per article, each carrying its saved page's files. */
async function folderInputs(folder: string, input: string): Promise<PathInput[]> {
  const found: FoundFile[] = [];
  await walk(folder, '', found);
  const units = groupSavedPages(keptForImport(found));
  if (units.length === 0) {
    throw new LecternError(
      'unsupported-type',
      `The folder ${basename(folder)} holds no files Lectern can import.`,
    );
  }
  return units.map((unit) => ({
    kind: 'file',
    input: join(input, unit.main.path),
    main: { ...unit.main, path: unit.main.name },
    related: [...unit.related].map(([path, item]) => ({ ...item, path })),
  }));
}

function unreadable(path: string, error: unknown): unknown {
  const name = basename(path);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new LecternError('not-found', `${name} was not found: it may have been moved or deleted.`);
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new LecternError('invalid-argument', `${name} could not be read: permission was denied.`);
  }
  return error;
}

/** The imports that paths (and web addresses) stand for: named files as they are, folders expanded. */
export async function collectInputs(args: readonly string[]): Promise<PathInput[]> {
  const inputs: PathInput[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    const url = asWebUrl(arg);
    if (url) {
      inputs.push({ kind: 'url', input: arg, url });
      continue;
    }
    try {
      const found = (await stat(arg)).isDirectory() ? await folderInputs(arg, arg) : [await namedFile(arg)];
      for (const input of found) {
        const key = resolve(input.input);
        if (!seen.has(key)) inputs.push(input);
        seen.add(key);
      }
    } catch (error) {
      inputs.push({ kind: 'error', input: arg, error: unreadable(arg, error) });
    }
  }
  return inputs;
}

async function readFound({ name, path, file }: FoundFile): Promise<FileInput> {
  const { size } = await stat(file);
  if (size > MAX_IMPORT_BYTES) throw fileTooLarge(name, size);
  return { name, type: '', bytes: new Uint8Array(await readFile(file)), path };
}

/** The files of one input: the file itself, then its saved page's files that fit the size limit. */
async function readInput(input: PathInput & { kind: 'file' }): Promise<FileInput[]> {
  const files = [await readFound(input.main)];
  for (const item of input.related.slice(0, MAX_RELATED_FILES)) {
    try {
      files.push(await readFound(item));
    } catch {
      // A missing or oversized image is left out; the page still imports.
    }
  }
  return files;
}

function failed(input: string, error: unknown): ImportOutcome {
  return { status: 'failed', input, error: serializeError(error) };
}

/** Imports one input through dispatch; always resolves, a failure being an outcome. */
async function importInput(dispatch: Dispatch, input: PathInput): Promise<ImportOutcome> {
  const name = input.kind === 'file' ? input.main.name : input.input;
  try {
    if (input.kind === 'error') return failed(basename(input.input), input.error);
    const result =
      input.kind === 'url'
        ? await dispatch('importUrls', [[input.url]])
        : await dispatch('importFiles', [await readInput(input)]);
    if (!result.ok) return { status: 'failed', input: name, error: result.error };
    // One unit or one address in, one outcome out.
    return (result.value as [ImportOutcome])[0];
  } catch (error) {
    return failed(name, error);
  }
}

export interface ImportPathsOptions {
  /** How many inputs are read and imported at once; one by default. */
  concurrency?: number;
  /** Called after each input that could be found, to show progress. */
  onProgress?: (progress: ImportProgress) => void;
  /** Called with each input's outcome as it comes. */
  onOutcome?: (input: PathInput, outcome: ImportOutcome) => void;
}

/** Imports everything `paths` name, one outcome per input, in the order the inputs were found. */
export async function importPaths(
  dispatch: Dispatch,
  paths: readonly string[],
  { concurrency = 1, onProgress = () => {}, onOutcome = () => {} }: ImportPathsOptions = {},
): Promise<ImportOutcome[]> {
  const inputs = await collectInputs(paths);
  const total = inputs.filter((input) => input.kind !== 'error').length;
  let done = 0;
  onProgress({ done, total });
  return mapBounded(inputs, concurrency, async (input) => {
    const outcome = await importInput(dispatch, input);
    onOutcome(input, outcome);
    if (input.kind !== 'error') onProgress({ done: ++done, total });
    return outcome;
  });
}
