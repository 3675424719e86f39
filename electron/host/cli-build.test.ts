/**
 * The command line's build (electron.cli.config.ts), made into a folder of
 * its own inside out/ and run with plain Node, as lectern.js runs out/cli/:
 * an import through it leaves a complete library and search index, and the
 * build lists its sources for the check that it is current.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentBuild } from '../core/workers/built-worker';
import { Library } from '../core/library/library';
import { SearchEngine } from '../core/search/search-engine';
import type { CliLine } from './cli';
import { CLI_ENTRY, CLI_INPUTS, CLI_OUT } from './cli-build';
import { PROJECT, runNode } from './testing/run-cli';

let out: string;
let work: string;

beforeAll(async () => {
  await mkdir(join(PROJECT, 'out'), { recursive: true });
  // Inside the project, so the packages left out of the bundle (jsdom) resolve from its node_modules.
  out = await mkdtemp(join(PROJECT, 'out', 'cli-build-test-'));
  work = await mkdtemp(join(out, 'work-'));
  await build({
    configFile: join(PROJECT, 'electron.cli.config.ts'),
    configLoader: 'runner',
    root: PROJECT,
    logLevel: 'warn',
    build: { outDir: join(out, 'cli'), emptyOutDir: true },
  });
}, 180_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

const runBuilt = (args: string[]) => runNode(join(out, 'cli', 'lectern.js'), args, work);

describe('the built command line', { timeout: 120_000 }, () => {
  it('keeps every script in one folder, so each worker is found beside the module starting it', async () => {
    const entries = await readdir(join(out, 'cli'), { withFileTypes: true });
    expect(entries.filter((entry) => !entry.isFile())).toEqual([]);
    const names = entries.map((entry) => entry.name);
    for (const file of [CLI_ENTRY, CLI_INPUTS, `${CLI_OUT}/prepare-worker.js`, `${CLI_OUT}/index-worker.js`])
      expect(names).toContain(relative(CLI_OUT, file));
  });

  it('lists its sources, so that lectern.js runs it only while none has changed', async () => {
    const inputs = JSON.parse(
      await readFile(join(out, 'cli', relative(CLI_OUT, CLI_INPUTS)), 'utf8'),
    ) as string[];
    expect(inputs).toEqual(
      expect.arrayContaining([
        'electron/host/cli-start.ts',
        'electron/host/cli.ts',
        'electron/core/import/workers/prepare-worker.ts',
        'electron/core/search/index-worker.ts',
      ]),
    );
    const entry = relative(PROJECT, join(out, 'cli', relative(CLI_OUT, CLI_ENTRY)));
    const list = relative(PROJECT, join(out, 'cli', relative(CLI_OUT, CLI_INPUTS)));
    expect(currentBuild(PROJECT, entry, list)).toBe(join(PROJECT, entry));
  });

  it('imports a page and a note with plain Node, leaving the library and its search index complete', async () => {
    await writeFile(
      join(work, 'page.html'),
      `<!doctype html><html><head><title>Tide Tables</title></head><body><article><h1>Tide Tables</h1>${'<p>The harbour master reads the tide tables to the gannets at dawn.</p>'.repeat(6)}</article></body></html>`,
    );
    await writeFile(join(work, 'note.txt'), 'Ferry Note\n\nThe ferry to the gannet colony leaves at nine.');
    const dir = join(work, 'library');
    const run = await runBuilt(['import', 'page.html', 'note.txt', '--library', dir, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as CliLine);
    expect(lines.map(({ status, title }) => [status, title]).sort()).toEqual([
      ['imported', 'Ferry Note'],
      ['imported', 'Tide Tables'],
    ]);

    const library = await Library.open(dir);
    const engine = new SearchEngine(library);
    try {
      expect(
        library
          .list()
          .map((article) => article.title)
          .sort(),
      ).toEqual(['Ferry Note', 'Tide Tables']);
      for (const { id } of lines) expect(await library.content(id as string)).toContain('gannet');
      await engine.start();
      expect(engine.state).toBe('ready');
      const found = await engine.search('gannet');
      expect(found).toMatchObject({ complete: true, indexing: 0 });
      expect(found.ids).toHaveLength(2);
    } finally {
      await engine.close();
      await library.close();
    }
  });
});
