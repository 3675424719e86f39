/**
 * Turns command-line arguments into import inputs: web addresses, files, and
 * folders walked recursively for every file Lectern reads. A saved page's
 * `<name>_files/` folder travels with its page, not as separate imports. Sizes
 * are checked with stat before a byte is read, so a 300 MB file is refused
 * without loading it; files are read one unit at a time, when imported.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { FileInput } from '../../../shared/api';
import { LecternError } from '../../../shared/errors';
import { fileTooLarge, MAX_IMPORT_BYTES } from '../../../shared/limits';
import { asWebUrl } from '../../../shared/url-normalize';
import { extensionOf, IMPORTABLE_EXTENSIONS } from './detect';

export type PathInput =
  | { kind: 'url'; input: string; url: string }
  | { kind: 'file'; input: string; path: string }
  | { kind: 'error'; input: string; error: LecternError };

const PAGE = /\.(?:html?|xhtml)$/i;
const MAX_RELATED_FILES = 500;

async function walk(folder: string, out: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      // A page's resource folder is read with its page.
      if (!entry.name.endsWith('_files')) await walk(path, out);
    } else if (entry.isFile() && IMPORTABLE_EXTENSIONS.has(extensionOf(entry.name))) {
      out.push(path);
    }
  }
}

export async function collectInputs(args: readonly string[]): Promise<PathInput[]> {
  const inputs: PathInput[] = [];
  for (const arg of args) {
    const url = asWebUrl(arg);
    if (url) {
      inputs.push({ kind: 'url', input: arg, url });
      continue;
    }
    try {
      const info = await stat(arg);
      if (info.isDirectory()) {
        const files: string[] = [];
        await walk(arg, files);
        if (files.length === 0) {
          inputs.push({
            kind: 'error',
            input: arg,
            error: new LecternError('not-found', `${arg} holds no files Lectern reads.`),
          });
        }
        for (const path of files) inputs.push({ kind: 'file', input: path, path });
      } else {
        inputs.push({ kind: 'file', input: arg, path: arg });
      }
    } catch {
      inputs.push({
        kind: 'error',
        input: arg,
        error: new LecternError('not-found', `${arg} does not exist.`),
      });
    }
  }
  return inputs;
}

async function readChecked(path: string, name: string): Promise<Uint8Array> {
  const info = await stat(path);
  if (info.size > MAX_IMPORT_BYTES) throw fileTooLarge(name, info.size);
  return new Uint8Array(await readFile(path));
}

/** The files of one input: the file itself and, for a saved page, its `_files/` folder. */
export async function readFileUnit(path: string): Promise<FileInput[]> {
  const name = basename(path);
  const main: FileInput = { name, type: '', bytes: await readChecked(path, name), path: name };
  if (!PAGE.test(name)) return [main];
  const folder = join(dirname(path), `${name.replace(PAGE, '')}_files`);
  const related: string[] = [];
  try {
    await collectAll(folder, related);
  } catch {
    return [main];
  }
  const files: FileInput[] = [main];
  for (const file of related.slice(0, MAX_RELATED_FILES)) {
    const info = await stat(file);
    if (info.size > MAX_IMPORT_BYTES) continue;
    files.push({
      name: basename(file),
      type: '',
      bytes: new Uint8Array(await readFile(file)),
      path: relative(dirname(path), file).split(sep).join('/'),
    });
  }
  return files;
}

async function collectAll(folder: string, out: string[]): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await collectAll(path, out);
    else if (entry.isFile()) out.push(path);
  }
}
