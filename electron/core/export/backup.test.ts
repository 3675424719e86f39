import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempFolder } from '../fixtures/temp-folder';
import { LecternError } from '../../shared/errors';
import { zipBytes, type ZipFileSpec } from '../import/fixtures/zip';
import { Library } from '../library/library';
import { BACKUP_FORMAT_VERSION, MANIFEST_NAME, writeBackup, type BackupManifest } from './backup';
import { FIXTURE_TIMEOUT_MS, highlight, useFixtureLibrary } from './fixture-library';
import { BACKUP_LIMITS, previewBackup, restoreBackup } from './restore';
import { openZip } from '../files/zip';

const fixture = useFixtureLibrary();
const work = useTempFolder('lectern-backup-', 'whole file');
let backup: string;
let manifest: BackupManifest;

beforeAll(async () => {
  backup = join(work.dir, 'library.zip');
  manifest = await writeBackup(fixture().library, backup, { now: new Date('2026-02-01T00:00:00Z') });
}, FIXTURE_TIMEOUT_MS);

/** Every file of a library (the derived .cache/ left out), path → bytes. */
async function libraryFiles(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const relative = path.slice(dir.length + 1);
    if (entry.isFile() && !relative.startsWith('.cache')) files.set(relative, await readFile(path));
  }
  return files;
}

/** The backup's entries, read back, for building damaged copies. */
async function entries(): Promise<ZipFileSpec[]> {
  const zip = await openZip(backup, BACKUP_LIMITS, 'test');
  const out: ZipFileSpec[] = [];
  for (const item of zip.items) out.push({ name: item.name, content: await zip.bytes(item) });
  zip.close();
  return out;
}

async function expectRefused(bytes: Uint8Array | Buffer, words: RegExp): Promise<void> {
  const path = join(work.dir, `bad-${Math.random().toString(36).slice(2)}.zip`);
  await writeFile(path, bytes);
  const target = join(work.dir, `target-${Math.random().toString(36).slice(2)}`);
  const error = await restoreBackup(path, target).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LecternError);
  expect((error as LecternError).message).toMatch(words);
  const left = await readdir(target).catch(() => []);
  expect(left).toEqual([]);
}

describe('backup and restore', () => {
  it('lists every library file with its size and checksum in the manifest', () => {
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toContain('lectern.json');
    expect(paths).toContain(`articles/${fixture().page}/article.json`);
    expect(paths).toContain(`articles/${fixture().page}/content.html`);
    expect(paths.some((p) => p.startsWith(`articles/${fixture().page}/assets/`))).toBe(true);
    expect(paths).toContain(`trash/${fixture().trashed}/article.json`);
    expect(paths.some((p) => p.startsWith('.cache'))).toBe(false);
    expect(manifest.formatVersion).toBe(BACKUP_FORMAT_VERSION);
    for (const file of manifest.files) expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives back an identical library, file for file', async () => {
    const target = join(work.dir, 'restored');
    const report = await restoreBackup(backup, target);
    expect(report.added).toBe(3);
    const [before, after] = [await libraryFiles(fixture().dir), await libraryFiles(target)];
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [path, bytes] of before) expect(after.get(path)?.equals(bytes), path).toBe(true);
    const reopened = await Library.open(target);
    expect((await reopened.get(fixture().page)).highlights).toHaveLength(2);
    expect(reopened.trashed().map((a) => a.id)).toEqual([fixture().trashed]);
    await reopened.close();
  });

  it('refuses to restore over a library that has articles, unless merging', async () => {
    await expect(restoreBackup(backup, fixture().dir)).rejects.toThrow(/already has articles/);
  });

  it('merges into a library holding the same articles: highlights, tags and notes joined, clashes reported', async () => {
    const target = join(work.dir, 'merge');
    await restoreBackup(backup, target);
    const library = await Library.open(target);
    await library.update(fixture().page, (meta) => {
      meta.highlights = [
        meta.highlights[0] as (typeof meta.highlights)[number],
        highlight('new', 300, 'keepers', 'pink'),
      ];
      meta.tags = ['later'];
      meta.note = 'A different note.';
    });
    await library.file.changeTagColors((colors) => {
      colors.work = 'red';
    });
    await library.close();
    const report = await restoreBackup(backup, target, { merge: true });
    expect(report).toMatchObject({ added: 0, merged: 3 });
    const merged = await Library.open(target);
    const meta = await merged.get(fixture().page);
    expect(meta.highlights.map((h) => h.id).sort()).toEqual(['h1', 'h2', 'new']);
    expect(meta.tags).toEqual(['later', 'work', 'sea/keepers']);
    expect(meta.note).toBe('A different note.\n\nMy note on *keepers*.\n\nSecond paragraph.');
    expect(merged.file.tagColors().work).toBe('red');
    expect(report.conflicts.join('\n')).toMatch(/note differed/);
    expect(report.conflicts.join('\n')).toMatch(/Tag “work” has a different colour/);
    await merged.close();
  });

  it('previews what a backup holds without writing anything', async () => {
    const preview = await previewBackup(backup);
    expect(preview).toMatchObject({
      created: '2026-02-01T00:00:00.000Z',
      articles: 2,
      trashed: 1,
      alreadyPresent: 0,
      conflicts: [],
    });
  });

  it('merges into a library the app holds open, which sees the new articles and the joins at once', async () => {
    const target = join(work.dir, 'merge-open');
    await restoreBackup(backup, target);
    const library = await Library.open(target);
    await library.purge(fixture().trashed);
    await library.update(fixture().page, (meta) => {
      meta.note = 'Written after the backup.';
    });
    const preview = await previewBackup(backup, library);
    expect(preview.alreadyPresent).toBe(2);
    expect(preview.conflicts.join('\n')).toMatch(/note differed/);
    const report = await restoreBackup(backup, target, { merge: true, library });
    expect(report).toMatchObject({ added: 1, merged: 2 });
    expect(report.conflicts).toEqual(preview.conflicts);
    expect(library.trashed().map((a) => a.id)).toEqual([fixture().trashed]);
    expect((await library.get(fixture().page)).note).toMatch(/^Written after the backup\.\n\nMy note/);
    await library.close();
  });

  it('refuses to preview a backup from a newer format version', async () => {
    const files = (await entries()).map((file) =>
      file.name === MANIFEST_NAME
        ? { ...file, content: JSON.stringify({ ...JSON.parse(file.content.toString()), formatVersion: 99 }) }
        : file,
    );
    const path = join(work.dir, 'newer.zip');
    await writeFile(path, zipBytes(files));
    await expect(previewBackup(path)).rejects.toThrow(
      /made by a newer Lectern .*update Lectern to restore it/,
    );
  });

  it('refuses a truncated zip and writes nothing', async () => {
    const bytes = await readFile(backup);
    await expectRefused(bytes.subarray(0, Math.floor(bytes.length * 0.7)), /not a complete zip/);
  });

  it('refuses a file whose checksum does not match and writes nothing', async () => {
    const files = (await entries()).map((file) =>
      file.name === `articles/${fixture().page}/content.html`
        ? { ...file, content: `${file.content.toString()}X`.slice(1) }
        : file,
    );
    await expectRefused(zipBytes(files), /does not match its checksum/);
  });

  it('refuses an entry that climbs out of the library or is absolute', async () => {
    const files = await entries();
    await expectRefused(
      zipBytes([...files, { name: '../evil.txt', content: 'x' }]),
      /outside|invalid relative path/,
    );
    await expectRefused(zipBytes([...files, { name: '/etc/evil', content: 'x' }]), /absolute|outside/);
  });

  it('refuses a backup from a newer format version', async () => {
    const files = (await entries()).map((file) => {
      if (file.name !== MANIFEST_NAME) return file;
      const newer = { ...JSON.parse(file.content.toString()), formatVersion: BACKUP_FORMAT_VERSION + 1 };
      return { ...file, content: JSON.stringify(newer) };
    });
    await expectRefused(zipBytes(files), /newer Lectern/);
  });

  it('refuses an archive with more entries than the cap allows, before reading them', async () => {
    await writeFile(
      join(work.dir, 'many.zip'),
      zipBytes([
        { name: 'a', content: 'x' },
        { name: 'b', content: 'y' },
      ]),
    );
    await expect(
      openZip(join(work.dir, 'many.zip'), { ...BACKUP_LIMITS, maxEntries: 1 }, 'many.zip'),
    ).rejects.toThrow(/2 entries, more than the 1 allowed/);
  });
});
