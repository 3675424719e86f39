/**
 * One folder, imported through every way in that takes paths or folders: the
 * command line (run as a person runs it), the desktop app's Import Folder
 * (importPaths, as electron/main calls it) and a drop on the window (the
 * renderer's readTransfer, given the browser's FileSystemEntry interface over
 * the same real files). Each must come to the same articles with the same
 * images.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileInput } from '../../../shared/api';
import { readTransfer, type PathedFile } from '../../../../renderer/src/import/dropped';
import { openBackend } from '../../open-backend';
import { epubBytes } from '../fixtures/epub';
import { pngBytes } from '../fixtures/images';
import { mhtmlBytes } from '../fixtures/mhtml';
import { flow, pdfBytes } from '../fixtures/pdf';
import { startTestSite, type TestSite } from '../fixtures/web-server';
import { importPaths } from './import-paths';

const PROJECT = fileURLToPath(new URL('../../../../', import.meta.url));
const body = (topic: string) =>
  `<p>${`A sentence about ${topic} and the people who keep it. `.repeat(8)}</p>`;
const page = (title: string, extra = '') =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${extra}${body(title)}</article></body></html>`;

let work: string;
let folder: string;
let site: TestSite;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'lectern-entries-'));
  site = await startTestSite();
  folder = join(work, 'reading');
  await mkdir(join(folder, 'Harbour_files', 'nested'), { recursive: true });
  await mkdir(join(folder, 'Orphan_files'));
  await mkdir(join(folder, '.cache'));
  await writeFile(
    join(folder, 'Harbour.html'),
    page(
      'Harbour',
      '<img src="Harbour_files/boat.png" alt="Boat"><img src="Harbour_files/nested/gull.png" alt="Gull">',
    ),
  );
  await writeFile(join(folder, 'Harbour_files', 'boat.png'), pngBytes(1));
  await writeFile(join(folder, 'Harbour_files', 'nested', 'gull.png'), pngBytes(2));
  await writeFile(join(folder, 'Harbour_files', 'ad-frame.html'), page('Advert Frame'));
  await writeFile(join(folder, 'Orphan_files', 'stray.html'), page('Stray'));
  await writeFile(join(folder, '.cache', 'hidden.html'), page('Hidden'));
  await writeFile(join(folder, 'notes.md'), '# Tide Notes\n\nNotes about the tides, written in *Markdown*.');
  await writeFile(join(folder, 'photo.png'), pngBytes(3));
  await writeFile(
    join(folder, 'lighthouse.mhtml'),
    mhtmlBytes(
      { url: 'https://example.org/lighthouse.html', html: page('Lighthouse', '<img src="lamp.png">') },
      [{ type: 'image/png', location: 'https://example.org/lamp.png', bytes: pngBytes(4) }],
    ),
  );
  await writeFile(
    join(folder, 'tides.pdf'),
    pdfBytes([
      flow([
        ['Tide Tables', 28],
        ['The sea keeps its own calendar, and the tables predict it.', 11],
      ]),
    ]),
  );
  await writeFile(
    join(folder, 'book.epub'),
    epubBytes({ title: 'Small Book', chapters: [{ file: 'a.xhtml', body: '<p>Once upon a time.</p>' }] }),
  );
  await writeFile(join(folder, 'ferry.url'), `[InternetShortcut]\r\nURL=${site.url('/good')}\r\n`);
});

afterAll(async () => {
  await site.close();
  await rm(work, { recursive: true, force: true });
});

/** Each article's title with the number of images stored for it, sorted. */
async function articlesIn(library: string): Promise<[string, number][]> {
  const backend = await openBackend(library);
  try {
    const found: [string, number][] = [];
    for (const article of backend.library.list()) {
      const assets = await readdir(join(library, 'articles', article.id, 'assets')).catch(() => []);
      found.push([article.title, assets.length]);
    }
    return found.sort(([a], [b]) => a.localeCompare(b));
  } finally {
    await backend.close();
  }
}

const EXPECTED: [string, number][] = [
  ['Ferry Letters', 1],
  ['Harbour', 2],
  ['Lighthouse', 1],
  ['Small Book', 0],
  ['Tide Notes', 0],
  ['Tide Tables', 0],
];

function runCli(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(PROJECT, 'electron/host/lectern.js'), ...args],
      { cwd: PROJECT, timeout: 110_000 },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });
}

/** The browser's FileSystemEntry for a real file or folder, as a drop hands it over. */
async function entryFor(path: string): Promise<FileSystemEntry> {
  const name = basename(path);
  if ((await stat(path)).isDirectory()) {
    let read = false;
    return {
      name,
      isFile: false,
      isDirectory: true,
      createReader: () => ({
        // Like Chromium: the entries on the first call, then an empty batch.
        readEntries: (done: (entries: FileSystemEntry[]) => void) => {
          const batch = read
            ? Promise.resolve([])
            : readdir(path).then((names) => Promise.all(names.map((child) => entryFor(join(path, child)))));
          read = true;
          void batch.then(done);
        },
      }),
    } as unknown as FileSystemEntry;
  }
  return {
    name,
    isFile: true,
    isDirectory: false,
    file: (done: (file: File) => void) => void readFile(path).then((bytes) => done(new File([bytes], name))),
  } as unknown as FileSystemEntry;
}

async function dropped(path: string): Promise<PathedFile[]> {
  const entry = await entryFor(path);
  const transfer = {
    files: [new File([], basename(path))],
    items: [{ kind: 'file', webkitGetAsEntry: () => entry }],
    getData: () => '',
    types: ['Files'],
  } as unknown as DataTransfer;
  const result = readTransfer(transfer);
  if (result.kind !== 'files') throw new Error(`a folder drop read as ${result.kind}`);
  return result.files;
}

describe('importing one folder through every way in', { timeout: 120_000 }, () => {
  it('gives the same articles from the command line', async () => {
    const library = join(work, 'cli-library');
    const result = await runCli(['import', folder, '--library', library, '--json']);
    expect(result.stderr).toBe('');
    expect(await articlesIn(library)).toEqual(EXPECTED);
  });

  it('gives the same articles from the desktop app’s Import Folder', async () => {
    const library = join(work, 'desktop-library');
    const backend = await openBackend(library);
    await importPaths(backend.dispatch, [folder]);
    await backend.close();
    expect(await articlesIn(library)).toEqual(EXPECTED);
  });

  it('gives the same articles from a drop on the window', async () => {
    const library = join(work, 'drop-library');
    const files: FileInput[] = await Promise.all(
      (await dropped(folder)).map(async ({ file, path }) => ({
        name: file.name,
        type: file.type,
        bytes: new Uint8Array(await file.arrayBuffer()),
        path,
      })),
    );
    const backend = await openBackend(library);
    const result = await backend.dispatch('importFiles', [files]);
    await backend.close();
    expect(result.ok).toBe(true);
    expect(await articlesIn(library)).toEqual(EXPECTED);
  });
});
