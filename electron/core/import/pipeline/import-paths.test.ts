import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../shared/limits';
import { openBackend, type Backend } from '../../open-backend';
import { collectInputs, importPaths, type ImportProgress, type PathInput } from './import-paths';

let base: string;
let backend: Backend;

const PAGE = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${'<p>Enough words to make a readable article body for the extractor to keep. </p>'.repeat(8)}</article></body></html>`;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'lectern-paths-'));
  backend = await openBackend(join(base, 'library'));
  await mkdir(join(base, 'saved', 'deeper', '.hidden'), { recursive: true });
  await writeFile(join(base, 'saved', 'one.html'), PAGE('One'));
  await writeFile(join(base, 'saved', 'deeper', 'two.txt'), 'Two\n\nA paragraph of text.');
  await writeFile(join(base, 'saved', 'deeper', 'photo.png'), 'not imported from a folder');
  await writeFile(join(base, 'saved', 'deeper', '.hidden', 'three.html'), PAGE('Three'));
  await writeFile(join(base, 'saved', '.DS_Store'), '');
});

afterEach(async () => {
  await backend.close();
  await rm(base, { recursive: true, force: true });
});

const files = (inputs: PathInput[]) =>
  inputs.map((input) => (input.kind === 'file' ? input.main.file : `${input.kind}: ${input.input}`));

describe('collectInputs', () => {
  it('expands folders into the importable files inside, skipping hidden ones', async () => {
    expect(files(await collectInputs([join(base, 'saved')]))).toEqual([
      join(base, 'saved', 'deeper', 'two.txt'),
      join(base, 'saved', 'one.html'),
    ]);
  });

  it('keeps a named file as it is, whatever its name, and lists it once', async () => {
    const photo = join(base, 'saved', 'deeper', 'photo.png');
    expect(files(await collectInputs([photo, photo]))).toEqual([photo]);
  });

  it('brings a named page’s saved folder along as its files, not as imports', async () => {
    await mkdir(join(base, 'saved', 'one_files'));
    await writeFile(join(base, 'saved', 'one_files', 'frame.html'), PAGE('Frame'));
    const [input] = await collectInputs([join(base, 'saved', 'one.html')]);
    expect(input?.kind === 'file' && input.related.map((item) => item.path)).toEqual([
      'one_files/frame.html',
    ]);
  });

  it('turns a missing path and an empty folder into inputs that say so', async () => {
    await mkdir(join(base, 'empty'));
    const inputs = await collectInputs([join(base, 'gone.html'), join(base, 'empty')]);
    expect(inputs.map((input) => input.kind === 'error' && (input.error as Error).message)).toEqual([
      'gone.html was not found: it may have been moved or deleted.',
      'The folder empty holds no files Lectern can import.',
    ]);
  });
});

describe('importPaths', () => {
  it('imports a folder through dispatch, reporting progress after each file', async () => {
    const progress: ImportProgress[] = [];
    const outcomes = await importPaths(backend.dispatch, [join(base, 'saved')], {
      onProgress: (p) => progress.push(p),
    });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['imported', 'imported']);
    expect(
      backend.library
        .list()
        .map((article) => article.title)
        .sort(),
    ).toEqual(['One', 'Two']);
    expect(progress).toEqual([
      { done: 0, total: 2 },
      { done: 1, total: 2 },
      { done: 2, total: 2 },
    ]);
  });

  it('lets a bad file fail alone, with its reason, and imports the rest', async () => {
    const big = join(base, 'huge.html');
    await writeFile(big, '');
    await truncate(big, MAX_IMPORT_BYTES + 1);
    const outcomes = await importPaths(backend.dispatch, [
      big,
      join(base, 'saved', 'deeper', 'photo.png'),
      join(base, 'saved', 'one.html'),
    ]);
    expect(outcomes.map((outcome) => [outcome.input, outcome.status])).toEqual([
      ['huge.html', 'failed'],
      ['photo.png', 'failed'],
      ['one.html', 'imported'],
    ]);
    const [huge] = outcomes;
    expect(huge?.status === 'failed' && huge.error).toMatchObject({ code: 'too-large' });
  });
});
