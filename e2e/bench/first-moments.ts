/**
 * `npm run bench` (first moments): what a person waits for right after
 * Lectern starts, each in a fresh process so nothing is warm by accident.
 * Prints JSON lines.
 *
 * - First drop: a window's backend opens a new library; three seconds later
 *   (a person finding the file) one small page is imported, timed until it
 *   is listed. Baseline: the same without the window's warm-up, which is how
 *   every start went before it.
 * - Cold worker: from a worker's start until it has prepared its first
 *   small page (what warm() waits for), the built worker against the same
 *   from its TypeScript source through tsx, as every process from source
 *   ran it before.
 * - Cold command line: one `lectern import` of the corpus's Readability
 *   pages in a fresh process, from spawn to exit, in pages per second,
 *   against Readability over jsdom alone on the same pages in this process
 *   (after one untimed pass); beside it the same command from its
 *   TypeScript source through tsx (how every command ran before its build,
 *   and still runs without one), and the warm figure, the same pages
 *   imported in this process once its import workers are warm.
 *
 * The import workers and the command are the built ones, as a person gets
 * them: the app runs its workers, and so does a process from source while
 * the build is current (built-worker.ts); `lectern` runs its build while it
 * is current (host/cli-build.ts). The bench builds first when either is
 * not, and says which ran.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentBuiltWorker } from '../../electron/core/workers/built-worker';
import { currentCliBuild } from '../../electron/host/cli-build';
import {
  preparePool,
  PreparePool,
  sourceWorkerScript,
} from '../../electron/core/import/workers/prepare-pool';
import { Library } from '../../electron/core/library/library';
import { openBackend, WINDOW_INDEX_DELAY_MS } from '../../electron/core/open-backend';
import { baselineArticle } from './baseline';
import { corpusDir, readabilityPages } from './corpus';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
/** How long after the start the page is dropped. */
const DROP_AFTER_MS = 3000;
const ROUNDS = 3;

function emit(record: Record<string, unknown>): void {
  console.log(JSON.stringify({ bench: 'first-moments', ...record }));
}

const round = (value: number, digits = 0) => Number(value.toFixed(digits));
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const PAGE = new TextEncoder().encode(
  `<!doctype html><html lang="en"><head><title>A small page</title></head><body><article><h1>A small page</h1>${'<p>A paragraph about the tide tables of a small harbour, read on a quiet morning.</p>'.repeat(12)}</article></body></html>`,
);

/** In the child: opens a library as a window (or not), drops one page after DROP_AFTER_MS, prints the wait. */
async function dropOnce(window: boolean): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-first-drop-'));
  try {
    const backend = await openBackend(dir, window ? { indexDelayMs: WINDOW_INDEX_DELAY_MS } : {});
    await backend.service.updateLibraryOptions({ fetchImages: false });
    await new Promise((resolve) => setTimeout(resolve, DROP_AFTER_MS));
    const start = performance.now();
    const [outcome] = await backend.service.importFiles([
      { name: 'small.html', type: 'text/html', bytes: PAGE },
    ]);
    const ms = performance.now() - start;
    if (outcome?.status !== 'imported')
      throw new Error(`the page was not imported: ${JSON.stringify(outcome)}`);
    console.log(JSON.stringify({ ms }));
    await backend.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Waits for `work` while holding the process open: warming workers are unref'd, so they do not. */
async function holdingOpen<T>(work: Promise<T>): Promise<T> {
  const hold = setInterval(() => undefined, 1000);
  try {
    return await work;
  } finally {
    clearInterval(hold);
  }
}

/** In the child: starts one worker, built or from source, and prints how long until it is warm. */
async function warmOnce(kind: 'built' | 'source'): Promise<void> {
  const built = currentBuiltWorker(PROJECT);
  const script = kind === 'built' ? built && { file: built } : sourceWorkerScript();
  if (!script) throw new Error(`there is no ${kind} worker`);
  const start = performance.now();
  await holdingOpen(new PreparePool(1, { script }).warm(1));
  console.log(JSON.stringify({ ms: performance.now() - start }));
}

function run(command: string, args: string[]): Promise<{ stdout: string; seconds: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: PROJECT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 || code === 1
        ? resolve({ stdout, seconds: (performance.now() - start) / 1000 })
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** What ran: the build, or the source through tsx where the build failed. */
interface Ran {
  worker: string;
  command: string;
}

/** Builds the app and the command line when either is missing or older than its sources; says which run. */
async function builds(): Promise<Ran> {
  if (!currentBuiltWorker(PROJECT) || !currentCliBuild(PROJECT))
    await run('npm', ['run', 'build', '--silent']);
  return {
    worker: currentBuiltWorker(PROJECT)
      ? 'built (out/main/prepare-worker.js)'
      : 'from source through tsx (the build failed)',
    command: currentCliBuild(PROJECT)
      ? 'built (out/cli/lectern.js, its import workers beside it)'
      : 'from source through tsx (the build failed)',
  };
}

/** Runs this script in a fresh process with the given flag, once per round and mode, alternating; gives each mode's times. */
async function inFreshProcesses<M extends string>(
  flag: string,
  modes: readonly M[],
): Promise<Record<M, number[]>> {
  const tsx = join(PROJECT, 'node_modules/.bin/tsx');
  const times = Object.fromEntries(modes.map((mode) => [mode, [] as number[]])) as Record<M, number[]>;
  for (let i = 0; i < ROUNDS; i++) {
    for (const mode of modes) {
      const { stdout } = await run(tsx, [SELF, flag, mode]);
      times[mode].push((JSON.parse(stdout.trim().split('\n').at(-1) as string) as { ms: number }).ms);
    }
  }
  return times;
}

async function coldWorker(): Promise<void> {
  const times = await inFreshProcesses('--warm', ['source', 'built'] as const);
  emit({
    step: 'cold-worker',
    rounds: ROUNDS,
    worker: 'built (out/main/prepare-worker.js)',
    medianMs: round(median(times.built)),
    baseline: 'the same worker from its TypeScript source through tsx',
    baselineMedianMs: round(median(times.source)),
  });
}

async function firstDrop(worker: string): Promise<void> {
  const times = await inFreshProcesses('--drop', ['baseline', 'window'] as const);
  emit({
    step: 'first-drop',
    droppedAfterMs: DROP_AFTER_MS,
    rounds: ROUNDS,
    worker,
    medianMs: round(median(times.window)),
    maxMs: round(Math.max(...times.window)),
    targetMs: 500,
    baseline: 'the same drop without warming an import worker at the start',
    baselineMedianMs: round(median(times.baseline)),
  });
}

async function coldCommandLine({ worker, command }: Ran): Promise<void> {
  const corpus = corpusDir();
  const pages = corpus ? readabilityPages(corpus) : [];
  if (pages.length === 0) {
    emit({
      step: 'cold-command-line',
      skipped: 'corpus not found: set LECTERN_CORPUS or place it at ../shared/corpus',
    });
    return;
  }
  const work = await mkdtemp(join(tmpdir(), 'lectern-cold-cli-'));
  try {
    const inputs = join(work, 'pages');
    await mkdir(inputs);
    await Promise.all(pages.map((page) => writeFile(join(inputs, `${page.name}.html`), page.bytes)));
    for (const page of pages) baselineArticle(page);
    const start = performance.now();
    for (const page of pages) baselineArticle(page);
    const baselineSeconds = (performance.now() - start) / 1000;
    const cli = await coldImport(join(work, 'library'), inputs, [join(PROJECT, 'electron/host/lectern.js')]);
    const source = await coldImport(join(work, 'source-library'), inputs, [
      '--import',
      'tsx',
      join(PROJECT, 'electron/host/cli-start.ts'),
    ]);
    const warmSeconds = await warmImport(join(work, 'warm-library'), pages);
    emit({
      step: 'cold-command-line',
      pages: pages.length,
      imported: cli.imported,
      seconds: round(cli.seconds, 1),
      pagesPerSecond: round(pages.length / cli.seconds, 1),
      baseline: 'Readability over jsdom alone, warm, in this process',
      baselinePagesPerSecond: round(pages.length / baselineSeconds, 1),
      ratio: round(baselineSeconds / cli.seconds, 2),
      targetRatio: 5,
      command,
      source: 'the same command from its TypeScript source through tsx',
      sourceWorker: worker,
      sourceImported: source.imported,
      sourcePagesPerSecond: round(pages.length / source.seconds, 1),
      sourceRatio: round(baselineSeconds / source.seconds, 2),
      warm: 'the same pages imported in this process, its import workers warm',
      warmPagesPerSecond: round(pages.length / warmSeconds, 1),
      warmRatio: round(baselineSeconds / warmSeconds, 2),
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** One `lectern import` of the folder into a new library, in a fresh process run with `args`. */
async function coldImport(
  library: string,
  inputs: string,
  args: string[],
): Promise<{ seconds: number; imported: number }> {
  // Images are not fetched, as in the import bench: the pipeline is timed, not the network.
  const lib = await Library.open(library);
  await lib.file.updateLibraryOptions({ fetchImages: false });
  await lib.close();
  const cli = await run(process.execPath, [...args, 'import', inputs, '--library', library, '--json']);
  const imported = cli.stdout.split('\n').filter((line) => line.includes('"imported"')).length;
  return { seconds: cli.seconds, imported };
}

/** Seconds to import the pages into a new library through this process's warmed import workers. */
async function warmImport(library: string, pages: ReturnType<typeof readabilityPages>): Promise<number> {
  const backend = await openBackend(library);
  try {
    await backend.service.updateLibraryOptions({ fetchImages: false });
    await holdingOpen(preparePool.warm(preparePool.size));
    const start = performance.now();
    await backend.service.importFiles(
      pages.map((page) => ({ name: `${page.name}.html`, type: 'text/html', bytes: page.bytes })),
    );
    return (performance.now() - start) / 1000;
  } finally {
    await backend.close();
  }
}

if (process.argv[2] === '--drop') {
  await dropOnce(process.argv[3] === 'window');
  process.exit(0);
} else if (process.argv[2] === '--warm') {
  await warmOnce(process.argv[3] === 'built' ? 'built' : 'source');
  process.exit(0);
} else {
  // A step named on the command line runs alone (e.g. `cold-command-line`); none runs them all.
  const only = process.argv[2];
  const ran = await builds();
  if (!only || only === 'cold-worker') await coldWorker();
  if (!only || only === 'first-drop') await firstDrop(ran.worker);
  if (!only || only === 'cold-command-line') await coldCommandLine(ran);
}
