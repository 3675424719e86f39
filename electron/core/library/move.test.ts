import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleFields } from '../../shared/testing/article-meta';
import { Library } from './library';
import { acquireLibraryLock, LOCK_FILE } from './lock';
import { copyLibrary, inspectFolder } from './move';

let base: string;
let from: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'lectern-move-'));
  from = join(base, 'Library');
  const library = await Library.open(from);
  await library.add({
    fields: articleFields('Moving day', { wordCount: 2 }),
    html: '<p>Moving day</p>',
    source: { kind: 'text', name: 'moving.txt', sha256: 'abc' },
    assets: [],
    original: { bytes: new TextEncoder().encode('Moving day'), extension: 'txt' },
  });
  // Closed before the test, so no delayed catalog save writes while a folder is removed.
  await library.close();
  await mkdir(join(from, '.cache'), { recursive: true });
  await writeFile(join(from, '.cache', 'index.bin'), 'derived');
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

async function tree(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

describe('copyLibrary', () => {
  it('copies every article and lectern.json, and the copy opens as the same library', async () => {
    const lock = await acquireLibraryLock(from);
    const to = join(base, 'elsewhere', 'Lectern');
    const result = await copyLibrary(from, to);
    await lock.release();
    expect(result.to).toBe(to);
    expect(result.files).toBe((await tree(to)).length);
    expect(result.bytes).toBeGreaterThan(0);
    const moved = await Library.open(to);
    expect(moved.list().map((article) => article.title)).toEqual(['Moving day']);
    expect(await moved.content(moved.list()[0]!.id)).toContain('Moving day');
    await moved.close();
  });

  it('leaves the lock file and derived data behind and the original untouched', async () => {
    const lock = await acquireLibraryLock(from);
    const before = await tree(from);
    const to = join(base, 'copy');
    await copyLibrary(from, to);
    expect(await tree(to)).toEqual(before.filter((file) => file !== LOCK_FILE && !file.startsWith('.cache')));
    expect(await tree(from)).toEqual(before);
    await lock.release();
  });

  it('accepts an existing empty folder', async () => {
    const to = join(base, 'empty');
    await mkdir(to);
    await copyLibrary(from, to);
    expect(await readFile(join(to, 'lectern.json'), 'utf8')).toContain('formatVersion');
  });

  it('refuses a folder that is not empty, and writes nothing there', async () => {
    const to = join(base, 'busy');
    await mkdir(to);
    await writeFile(join(to, 'notes.txt'), 'mine');
    await expect(copyLibrary(from, to)).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('is not empty'),
    });
    expect(await readdir(to)).toEqual(['notes.txt']);
  });

  it.each([
    ['the library itself', (dir: string) => dir],
    ['a folder inside the library', (dir: string) => join(dir, 'articles', 'nested')],
    ['a folder that contains the library', (dir: string) => join(dir, '..')],
  ])('refuses %s', async (_label, target) => {
    await expect(copyLibrary(from, target(from))).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('inside the library or contains it'),
    });
  });

  it('cleans up and reports a copy that cannot be written', async () => {
    const blocked = join(base, 'file-not-folder');
    await writeFile(blocked, 'x');
    await expect(copyLibrary(from, join(blocked, 'Library'))).rejects.toMatchObject({
      code: 'library-unavailable',
    });
    expect((await readdir(base)).filter((name) => name.includes('lectern-move'))).toEqual([]);
  });
});

describe('inspectFolder', () => {
  it('tells a library, an empty folder, a missing one and a busy one apart', async () => {
    await mkdir(join(base, 'empty'));
    await writeFile(join(base, 'busy.txt'), '');
    expect(await inspectFolder(from)).toEqual({ isLibrary: true, isEmpty: false });
    expect(await inspectFolder(join(base, 'empty'))).toEqual({ isLibrary: false, isEmpty: true });
    expect(await inspectFolder(join(base, 'missing'))).toEqual({ isLibrary: false, isEmpty: true });
    expect(await inspectFolder(base)).toEqual({ isLibrary: false, isEmpty: false });
  });
});
