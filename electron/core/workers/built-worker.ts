/**
 * A built worker (the import worker, the index worker), for a process
 * running from source (the command line, the benchmarks, the tests), when
 * the build is current. Loaded through tsx, a worker compiles and resolves
 * some hundred TypeScript modules before its first file, seconds on a cold
 * start, where the built one loads a few JavaScript files: the command
 * line's cold import ran at half the speed of a warm one for it.
 *
 * A stale build must never run in place of the source, so the build lists
 * the source files it made the worker from (WORKER_INPUTS, written by
 * electron.vite.config.ts), and the built worker is used only while every one
 * of them is still there and none changed after the list was written. A
 * source file added since is only ever imported by one that changed, so it
 * is caught too. The packages bundled into it are listed the same way, so
 * an install that changes one is caught; those it leaves out (pdf.js) both
 * load from node_modules.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where the build puts a worker, relative to the project's folder. */
export const builtWorkerPath = (name: string) => `out/main/${name}.js`;
/** The list of its source files (a JSON array of paths relative to the project's folder), beside it. */
export const workerInputsPath = (name: string) => `out/main/${name}.inputs.json`;
/** The import worker's, which the benchmarks name. */
export const BUILT_WORKER = builtWorkerPath('prepare-worker');
export const WORKER_INPUTS = workerInputsPath('prepare-worker');

/** The time a file was last changed, in ms, or null when it is not there. */
function changedAt(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** The built worker `name`'s path when the build in `projectDir` is current for its sources, else null. */
export function currentBuiltWorker(projectDir: string, name = 'prepare-worker'): string | null {
  return currentBuild(projectDir, builtWorkerPath(name), workerInputsPath(name));
}

/**
 * The path of the built file `output` when none of the sources listed in
 * `inputsFile` (both relative to `projectDir`) changed after the list was
 * written, else null. The command line's build is checked the same way
 * (electron/host/cli-build.ts).
 */
export function currentBuild(projectDir: string, output: string, inputsFile: string): string | null {
  const built = join(projectDir, output);
  const listed = changedAt(join(projectDir, inputsFile));
  if (listed === null || changedAt(built) === null) return null;
  let inputs: unknown;
  try {
    inputs = JSON.parse(readFileSync(join(projectDir, inputsFile), 'utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(inputs) || inputs.length === 0) return null;
  for (const input of inputs) {
    if (typeof input !== 'string') return null;
    const changed = changedAt(join(projectDir, input));
    if (changed === null || changed > listed) return null;
  }
  return built;
}
