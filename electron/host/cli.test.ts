/** The command line, run as a child process on a temporary library, as a person would run it. */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LECTERN_JS, PROJECT, runCli } from './testing/run-cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epubBytes } from '../core/import/fixtures/epub';
import { pngBytes } from '../core/import/fixtures/images';
import { startTestSite, UNREACHABLE_URL, type TestSite } from '../core/import/fixtures/web-server';
import { Library } from '../core/library/library';
import { SearchEngine } from '../core/search/search-engine';
import type { CliLine } from './cli';

let work: string;
let site: TestSite;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'lectern-cli-'));
  site = await startTestSite();
});
afterAll(async () => {
  await site.close();
  await rm(work, { recursive: true, force: true });
});

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CliLine)
    .sort((a, b) => a.input.localeCompare(b.input));

const PAGE = `<!doctype html><html><head><title>Saved Page</title></head><body><article><h1>Saved Page</h1><img src="Saved%20Page_files/pic.png" alt="Pic"><p>${'A sentence about the harbour and its boats. '.repeat(8)}</p></article></body></html>`;

describe('lectern import', { timeout: 120_000 }, () => {
  it('imports a folder recursively, with a saved page and its images, and prints JSON lines', async () => {
    const folder = join(work, 'drop');
    await mkdir(join(folder, 'nested', 'Saved Page_files'), { recursive: true });
    await writeFile(join(folder, 'notes.txt'), 'Notes\n\nSome notes about tides.');
    await writeFile(join(folder, 'readme.md'), '# Read Me\n\nA *Markdown* file.');
    await writeFile(join(folder, 'photo.jpg'), pngBytes(1));
    await writeFile(join(folder, 'nested', 'Saved Page.html'), PAGE);
    await writeFile(join(folder, 'nested', 'Saved Page_files', 'pic.png'), pngBytes(2));
    await writeFile(
      join(folder, 'nested', 'book.epub'),
      epubBytes({ title: 'Small Book', chapters: [{ file: 'a.xhtml', body: '<p>Once upon a time.</p>' }] }),
    );
    const library = join(work, 'library-1');

    const first = await runCli(['import', folder, '--library', library, '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(
      lines(first.stdout).map(({ input, status, title, error }) => [
        input.slice(folder.length + 1),
        status,
        title,
        error,
      ]),
    ).toEqual([
      ['nested/book.epub', 'imported', 'Small Book', null],
      ['nested/Saved Page.html', 'imported', 'Saved Page', null],
      ['notes.txt', 'imported', 'Notes', null],
      ['readme.md', 'imported', 'Read Me', null],
    ]);
    const ids = await readdir(join(library, 'articles'));
    expect(ids).toHaveLength(4);
    const saved = lines(first.stdout).find((line) => line.title === 'Saved Page');
    expect(await readdir(join(library, 'articles', saved?.id as string, 'assets'))).toHaveLength(1);

    const again = await runCli(['import', join(folder, 'notes.txt'), '--library', library, '--json']);
    expect(again.code).toBe(0);
    expect(lines(again.stdout)).toEqual([
      {
        input: join(folder, 'notes.txt'),
        status: 'duplicate',
        id: expect.any(String),
        title: 'Notes',
        error: null,
      },
    ]);
  });

  it('reports each failure with its reason and exits non-zero', async () => {
    const big = join(work, 'huge.html');
    await writeFile(big, '');
    await truncate(big, 300 * 1024 * 1024);
    const empty = join(work, 'empty.txt');
    await writeFile(empty, '');
    const library = join(work, 'library-2');

    const result = await runCli([
      'import',
      big,
      empty,
      join(work, 'nowhere.html'),
      site.url('/missing'),
      site.url('/good'),
      UNREACHABLE_URL,
      '--library',
      library,
      '--json',
    ]);
    expect(result.code).toBe(1);
    const byInput = new Map(lines(result.stdout).map((line) => [line.input, line]));
    expect(byInput.get(big)?.error).toBe(
      'huge.html is 300 MB, more than the 100 MB Lectern imports. Nothing was saved.',
    );
    expect(byInput.get(empty)?.error).toBe('empty.txt is empty: there is nothing in it to import.');
    expect(byInput.get(join(work, 'nowhere.html'))?.error).toBe(
      'nowhere.html was not found: it may have been moved or deleted.',
    );
    expect(byInput.get(site.url('/missing'))?.error).toMatch(/was not found \(HTTP 404\)/);
    expect(byInput.get(site.url('/good'))).toMatchObject({ status: 'imported', title: 'Ferry Letters' });
    expect(byInput.get(UNREACHABLE_URL)).toMatchObject({ status: 'failed', id: expect.any(String) });
    expect(byInput.get(UNREACHABLE_URL)?.error).toMatch(/could not be reached/);
    // The imported page and the pending link; nothing for the failures.
    expect(await readdir(join(library, 'articles'))).toHaveLength(2);
  });

  it('prints readable lines without --json, and usage for a wrong command', async () => {
    const file = join(work, 'plain.txt');
    await writeFile(file, 'Plain\n\nWords.');
    const result = await runCli(['import', file, '--library', join(work, 'library-3')]);
    expect(result.stdout.trim()).toBe(`imported   ${file} → Plain`);
    const usage = await runCli(['export']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^Usage: lectern import/);
  });

  it('prints all of a large --json output into a pipe before it exits', async () => {
    // Inputs that do not exist, with names near the 128 KB an argument may hold: each
    // failure line carries its path, so ten of them print about 1.2 MB, far past
    // the 64 KB a pipe takes before a hasty exit cuts the output off.
    const inputs = Array.from({ length: 10 }, (_, i) => join(work, `${i}-${'n'.repeat(120_000)}`));
    const library = join(work, 'library-4');
    const child = spawn(process.execPath, [LECTERN_JS, 'import', ...inputs, '--library', library, '--json'], {
      cwd: PROJECT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const stdout = Buffer.concat(chunks).toString('utf8');
    expect(stdout.length).toBeGreaterThan(1_000_000);
    expect(code).toBe(1);
    expect(lines(stdout).map((line) => line.status)).toEqual(Array(10).fill('failed'));
    // The run released its lock on the way out.
    await expect(readFile(join(library, 'lectern.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('leaves a search index that holds every article it imported, so the next start rebuilds nothing', async () => {
    // More articles than a search reads whole when they are missing from the index.
    const folder = join(work, 'many');
    await mkdir(folder, { recursive: true });
    for (let i = 0; i < 150; i++)
      await writeFile(
        join(folder, `note-${i}.txt`),
        `Note ${i}\n\nThe body of note ${i} mentions cormorant${i}.`,
      );
    const dir = join(work, 'library-index');
    const result = await runCli(['import', folder, '--library', dir, '--json']);
    expect(result.code).toBe(0);

    const library = await Library.open(dir);
    const engine = new SearchEngine(library);
    try {
      await engine.start();
      expect(engine.state).toBe('ready');
      expect(library.list()).toHaveLength(150);
      for (const word of ['cormorant0', 'cormorant149', 'mentions']) {
        const found = await engine.search(word);
        expect(found).toMatchObject({ complete: true, indexing: 0 });
        expect(found.ids).toHaveLength(word === 'mentions' ? 150 : 1);
      }
    } finally {
      await engine.close();
      await library.close();
    }
  });

  it('releases the library’s lock when it is interrupted', async () => {
    const library = join(work, 'library-5');
    const slow = site.url('/slow');
    const child = spawn(process.execPath, [LECTERN_JS, 'import', slow, '--library', library, '--json'], {
      cwd: PROJECT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lock = join(library, 'lectern.lock');
    const waitFor = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 600 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
    };
    await waitFor(() =>
      readFile(lock).then(
        () => true,
        () => false,
      ),
    );
    const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
    child.kill('SIGTERM');
    await closed;
    await expect(readFile(lock)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('recognises an export by its content and prints its report, beside an ordinary page', async () => {
    const folder = join(work, 'exports');
    await mkdir(folder, { recursive: true });
    const csv = join(folder, 'saved-things.txt');
    await writeFile(
      csv,
      'URL,Title,Selection,Folder,Timestamp\nhttps://a.example/,A,,Archive,1600000000\njavascript:x,B,,Unread,1\n',
    );
    await writeFile(join(folder, 'page.html'), PAGE);
    const library = join(work, 'library-export');
    const result = await runCli(['import', csv, join(folder, 'page.html'), '--library', library]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'Instapaper export saved-things.txt: 1 added, 1 link to fetch, 1 failed.',
    );
    expect(result.stdout).toMatch(/failed {5}saved-things\.txt, line 3: its address uses “javascript:”/);
    expect(result.stdout).toMatch(/imported {3}\S*page\.html → Saved Page/);
  });

  it('prints a JSON line for every item of an export, merged ones as duplicates when it comes again', async () => {
    const csv = join(work, 'pocket-part.csv');
    await writeFile(
      csv,
      'title,url,time_added,tags,status\nA,https://a.example/,1600000000,x,archive\nB,https://b.example/,1600000100,,unread\nC,javascript:x,1,,unread\n',
    );
    const library = join(work, 'library-export-json');
    const first = await runCli(['import', csv, '--library', library, '--json']);
    expect(first.code).toBe(1);
    const printed = first.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as CliLine & { report?: unknown });
    expect(printed.slice(0, 3).map(({ input, status, title }) => ({ input, status, title }))).toEqual([
      { input: 'pocket-part.csv, line 2', status: 'imported', title: 'A' },
      { input: 'pocket-part.csv, line 3', status: 'imported', title: 'B' },
      { input: 'pocket-part.csv, line 4', status: 'failed', title: null },
    ]);
    expect(printed[0]?.id).toMatch(/^[0-9a-z]{10}-[0-9a-z]{8}$/);
    expect(printed[3]).toMatchObject({ status: 'app-export', report: { added: 2, failed: 1 } });

    const again = await runCli(['import', csv, '--library', library, '--json']);
    const merged = again.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as CliLine)
      .filter((line) => line.status === 'duplicate');
    expect(merged.map((line) => [line.input, line.id])).toEqual([
      ['pocket-part.csv, line 2', printed[0]?.id],
      ['pocket-part.csv, line 3', printed[1]?.id],
    ]);
  });
});
