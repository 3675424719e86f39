/** Runs `lectern` as a child process, as a person types it, for the command line's tests. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT = fileURLToPath(new URL('../../../', import.meta.url));

/** The entry a person runs; tests that need the live process spawn it themselves. */
export const LECTERN_JS = join(PROJECT, 'electron/host/lectern.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[]): Promise<CliRun> {
  return runNode(LECTERN_JS, args);
}

/** Runs a script with this Node, as runCli runs lectern.js: another copy of it, or a build. */
export function runNode(script: string, args: string[], cwd = PROJECT): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { cwd, timeout: 110_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
