/**
 * The command line's build (electron.cli.config.ts): the `lectern` command
 * as plain JavaScript in out/cli/, its import and index workers beside it,
 * and the list of the source files it was made from. electron/host/lectern.js
 * runs it while it is current for those sources (as a process from source
 * runs the built import worker, built-worker.ts), else the TypeScript source
 * through tsx, so an edit is never hidden behind an older build. This module
 * is itself an entry of that build: lectern.js is plain JavaScript and
 * cannot load TypeScript.
 */
import { currentBuild } from '../core/workers/built-worker';

/** Where the build goes, and its files, relative to the project's folder. */
export const CLI_OUT = 'out/cli';
export const CLI_ENTRY = `${CLI_OUT}/lectern.js`;
export const CLI_INPUTS = `${CLI_OUT}/cli-inputs.json`;

/** The built command's path when the build in `projectDir` is current, else null. */
export function currentCliBuild(projectDir: string): string | null {
  return currentBuild(projectDir, CLI_ENTRY, CLI_INPUTS);
}
