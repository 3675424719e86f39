/**
 * `npm start`: builds what is stale, then starts Lectern in Electron when
 * Electron can start, otherwise in the browser shell (opening Chromium or
 * Chrome in app mode when there is a display). Either way it says which
 * shell started and why. Set LECTERN_SHELL=browser to skip Electron.
 */
import '../core/files/io-threads';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { announce, runBrowserShell } from './browser-shell';
import { findChromium } from './find-chromium';
import { PROJECT_DIR } from './renderer-dir';

const EARLY_EXIT_MS = 5000;
const SOURCES = ['electron', 'renderer', 'resources', 'electron.vite.config.ts', 'package.json'];
const OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function buildIfStale(): void {
  const outputs = OUTPUTS.map((file) => join(PROJECT_DIR, file));
  const built = outputs.every(existsSync) ? Math.min(...outputs.map((file) => statSync(file).mtimeMs)) : 0;
  const changed = Math.max(
    ...SOURCES.map((source) => join(PROJECT_DIR, source))
      .filter(existsSync)
      .map(newestMtime),
  );
  if (built > changed) return;
  console.log('Building Lectern (sources changed since the last build)…');
  const result = spawnSync(
    process.execPath,
    [join(PROJECT_DIR, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: PROJECT_DIR,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** The Electron binary, or the reason it cannot be had. Never downloads. */
function electronBinary(): { path: string } | { reason: string } {
  const pkg = join(PROJECT_DIR, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      reason:
        'its binary has not been downloaded (run "npx install-electron" where the internet is reachable)',
    };
  }
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { reason: `its binary is missing at ${binary}` };
}

function whyNotElectron(): string | { path: string } {
  if (process.env.LECTERN_SHELL === 'browser') return 'LECTERN_SHELL=browser asks for the browser shell';
  if (!hasDisplay()) return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
  const binary = electronBinary();
  return 'path' in binary ? binary : binary.reason;
}

async function startBrowserShell(argv: string[], reason: string): Promise<void> {
  const running = await runBrowserShell(argv);
  console.log(`Electron cannot start here because ${reason}, so Lectern started in the browser shell.`);
  announce(running);
  if (!hasDisplay()) {
    console.log(
      'There is no display to open a window on: open the address above in a browser on this machine.',
    );
    return;
  }
  const chromium = findChromium();
  if (!chromium) {
    console.log(
      'No Chromium or Chrome was found to open it in app mode: open the address above in your browser.',
    );
    return;
  }
  const profile = join(running.libraryDir, '.cache', 'browser-shell-profile');
  spawn(chromium, [`--app=${running.shell.launchUrl()}`, `--user-data-dir=${profile}`, '--no-first-run'], {
    stdio: 'ignore',
    detached: true,
  }).unref();
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  buildIfStale();
  const electron = whyNotElectron();
  if (typeof electron === 'string') return startBrowserShell(argv, electron);
  console.log('Starting Lectern in Electron.');
  const startedAt = Date.now();
  const child = spawn(electron.path, [PROJECT_DIR, ...argv], { stdio: 'inherit' });
  child.on('exit', (code) => {
    // A crash in the first seconds means Electron cannot run here (missing
    // system libraries, say): fall back rather than leave the person with nothing.
    if (code !== 0 && Date.now() - startedAt < EARLY_EXIT_MS) {
      void startBrowserShell(argv, `Electron exited as it started (exit code ${code ?? 'none'})`);
      return;
    }
    process.exit(code ?? 1);
  });
}

main().catch((error: unknown) => {
  console.error(`Lectern could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
