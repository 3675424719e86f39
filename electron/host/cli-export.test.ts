/** `lectern export` and `lectern restore`, run as child processes on temporary libraries, as a person would. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './testing/run-cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let work: string;
let library: string;

const page = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${'A quiet sentence about the sea. '.repeat(10)}</p></article></body></html>`;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'lectern-cli-export-'));
  library = join(work, 'library');
  await writeFile(join(work, 'first.html'), page('First light'));
  await writeFile(join(work, 'second.html'), page('Second tide'));
  const imported = await runCli([
    'import',
    join(work, 'first.html'),
    join(work, 'second.html'),
    '--library',
    library,
  ]);
  expect(imported.code).toBe(0);
}, 120_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('lectern export and restore', () => {
  it('exports the articles a query finds as Markdown', async () => {
    const out = join(work, 'notes');
    const result = await runCli([
      'export',
      'markdown',
      '--library',
      library,
      '--out',
      out,
      '--query',
      'second',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/exported {3}1 articles as markdown/);
    const files = await readdir(out);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^Second tide \([0-9a-z]{8}\)\.md$/);
  }, 120_000);

  it('backs the library up and restores it into an empty folder, refusing a non-empty one', async () => {
    const zip = join(work, 'backup.zip');
    expect((await runCli(['export', 'backup', '--library', library, '--out', zip])).code).toBe(0);
    const restored = join(work, 'restored');
    const result = await runCli(['restore', zip, '--library', restored]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/restored {3}2 articles added/);
    expect((await readdir(join(restored, 'articles'))).sort()).toEqual(
      (await readdir(join(library, 'articles'))).sort(),
    );
    const again = await runCli(['restore', zip, '--library', restored]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has articles/);
    const merged = await runCli(['restore', zip, '--library', restored, '--merge']);
    expect(merged.stdout).toMatch(/0 articles added, 2 merged/);
  }, 240_000);

  it('says clearly when the output cannot be written, and explains its usage', async () => {
    await writeFile(join(work, 'plain-file'), '');
    const result = await runCli([
      'export',
      'readwise',
      '--library',
      library,
      '--out',
      join(work, 'plain-file', 'x.csv'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/could not write the export to .*plain-file/);
    const usage = await runCli(['export', 'pdf', '--library', library, '--out', join(work, 'x')]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Usage: lectern export <markdown\|readwise/);
    expect(await readFile(join(work, 'plain-file'), 'utf8')).toBe('');
  }, 120_000);
});
