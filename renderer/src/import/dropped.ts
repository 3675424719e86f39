/**
 * What a drop or a paste carries, read the way browsers hand it over. Files
 * and folders come as entries (webkitGetAsEntry), which must be taken while
 * the event is being handled and are then walked asynchronously, each file
 * keeping its path so a saved page finds its `_files/` folder. A dragged link
 * is text/uri-list; a dragged or copied selection is text/html and/or
 * text/plain, with the page's address in text/uri-list when the browser
 * gives one.
 */
import { carriesArticles } from '../format/drag';
import type { TextInput } from '@shared/api';
import { keptForImport, walkKeeps } from '@shared/importable-files';
import { asWebUrl } from '@shared/url-normalize';

export interface PathedFile {
  file: File;
  /** "/"-separated path inside the drop, ending in the file's name. */
  path: string;
}

export type Dropped =
  | { kind: 'files'; files: Promise<PathedFile[]> }
  | { kind: 'urls'; urls: string[] }
  | { kind: 'clip'; clip: TextInput }
  | { kind: 'nothing' };

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, prefix: string, out: PathedFile[]): Promise<void> {
  const path = `${prefix}${entry.name}`;
  if (entry.isFile) {
    // A file dropped itself is taken whatever its name (an export's .zip or
    // .csv); the import then judges it by its bytes. Inside folders, the walk's rule.
    if (prefix === '' || walkKeeps(path)) {
      out.push({ file: await entryFile(entry as FileSystemFileEntry), path });
    }
    return;
  }
  if (!entry.isDirectory || entry.name.startsWith('.')) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns at most 100 entries per call; read until it returns none.
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, `${path}/`, out);
  }
}

async function collectFiles(entries: (FileSystemEntry | null)[], files: File[]): Promise<PathedFile[]> {
  if (entries.length === 0 || entries.some((entry) => entry === null)) {
    return files.map((file) => ({ file, path: file.webkitRelativePath || file.name }));
  }
  const out: PathedFile[] = [];
  for (const entry of entries) if (entry) await walk(entry, '', out);
  return keptForImport(out);
}

function uriList(data: DataTransfer): string[] {
  return data
    .getData('text/uri-list')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => asWebUrl(line))
    .filter((url): url is string => url !== null);
}

/** Reads a drop's or paste's data; must be called while the event is being dispatched. */
export function readTransfer(data: DataTransfer | null): Dropped {
  if (!data) return { kind: 'nothing' };
  const files = [...data.files];
  if (files.length > 0) {
    const entries = [...data.items]
      .filter((item) => item.kind === 'file')
      .map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null));
    return { kind: 'files', files: collectFiles(entries, files) };
  }
  const urls = uriList(data);
  const html = data.getData('text/html');
  const text = data.getData('text/plain');
  const single = asWebUrl(text);
  // A link: the uri-list alone, or with its own address (or its anchor) as the text.
  if (urls.length > 0 && (!text.trim() || single !== null || (urls.includes(text.trim()) && !html))) {
    return { kind: 'urls', urls };
  }
  if (single && !html) return { kind: 'urls', urls: [single] };
  if (!text.trim() && !html.trim()) return { kind: 'nothing' };
  return {
    kind: 'clip',
    clip: {
      text: text.trim() ? text : htmlText(html),
      ...(html.trim() ? { html } : {}),
      ...(urls[0] ? { url: urls[0] } : {}),
    },
  };
}

function htmlText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return doc.body.innerText || doc.body.textContent || '';
}

/** True when the drag can become an import, to show the drop overlay. */
export function carriesImportable(data: DataTransfer | null): boolean {
  // Articles dragged within the window (onto a tag) carry their links too, but are not imports.
  if (carriesArticles(data)) return false;
  const types = data?.types ?? [];
  return ['Files', 'text/uri-list', 'text/html', 'text/plain'].some((type) => types.includes(type));
}
