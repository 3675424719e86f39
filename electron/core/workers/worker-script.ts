/**
 * Finds the script of a worker thread that sits beside the module starting
 * it: `<name>.js` in the built app, where each worker is its own entry
 * beside index.js (electron.vite.config.ts); when running from source (the
 * command line, tests and benchmarks run through tsx), the built
 * `out/main/<name>.js` while its build is current (built-worker.ts), else
 * `<name>.ts`. A worker does not inherit tsx's loader hooks, so from source
 * it runs a line of code that registers them before importing the script.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { currentBuiltWorker } from './built-worker';

/** What a worker runs: a script path, or code (eval) that loads the TypeScript source through tsx. */
export type WorkerScript = { file: string } | { code: string };

/** The project's folder, from this module's place in its sources. */
const PROJECT_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The script `name` beside the module at `moduleUrl` (its import.meta.url), or null when this build has none. */
export function workerScript(moduleUrl: string, name: string): WorkerScript | null {
  const here = fileURLToPath(moduleUrl);
  if (here.endsWith('.ts')) {
    const built = currentBuiltWorker(PROJECT_DIR, name);
    return built ? { file: built } : sourceWorkerScript(moduleUrl, name);
  }
  const file = join(dirname(here), `${name}.js`);
  return existsSync(file) ? { file } : null;
}

/** The TypeScript source `name` beside the module at `moduleUrl`, loaded through tsx, or null outside a checkout. */
export function sourceWorkerScript(moduleUrl: string, name: string): WorkerScript | null {
  const here = fileURLToPath(moduleUrl);
  const file = join(dirname(here), `${name}.ts`);
  if (!existsSync(file)) return null;
  const tsxDir = dirname(createRequire(here).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const source = pathToFileURL(file).href;
  return {
    code: `import(${JSON.stringify(tsx)}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(source)}));`,
  };
}
