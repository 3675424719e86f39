/**
 * Runs Lectern's backend behind the browser shell's HTTP transport. Used by
 * `npm start` when Electron cannot start, and by the end-to-end tests, which
 * start it as a child process and read the address from its first line.
 *
 *   tsx electron/host/browser-shell.ts [--library DIR] [--port N]
 *
 * The web clipper's endpoint starts beside it (core/clip/clip-endpoint.ts);
 * LECTERN_CLIP_PORT sets its port, or turns it off.
 *
 * LECTERN_TEST_LOCAL_IMAGE_HOSTS (comma-separated host names) is for the
 * end-to-end tests only: their image servers listen on 127.0.0.1, where a
 * dropped page's images may otherwise not be fetched from (fetch-url.ts).
 */
import '../core/files/io-threads';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CallResult } from '../shared/api';
import { clipPortSetting, startClipEndpoint, type ClipEndpoint } from '../core/clip/clip-endpoint';
import { EventHub } from '../core/events';
import { openBackend, WINDOW_INDEX_DELAY_MS, type Backend } from '../core/open-backend';
import { defaultUserDataDir, resolveLibraryDir } from '../core/library/location';
import { loadPreferences, preferencesFile } from '../core/settings/desktop-preferences';
import { startShellServer, type ShellServer } from './http-server';
import { builtRendererDir, PROJECT_DIR } from './renderer-dir';

export interface RunningShell {
  shell: ShellServer;
  /** The library folder the shell started on (a restore from the window may switch it later). */
  libraryDir: string;
  clip: ClipEndpoint;
  stop(): Promise<void>;
}

function portArg(argv: readonly string[]): number | undefined {
  const index = argv.indexOf('--port');
  const value = index >= 0 ? Number(argv[index + 1]) : NaN;
  return Number.isInteger(value) && value >= 0 && value < 65536 ? value : undefined;
}

export async function runBrowserShell(argv: readonly string[]): Promise<RunningShell> {
  const userData = defaultUserDataDir();
  const { libraryDir: chosen } = await loadPreferences(preferencesFile(userData));
  const libraryDir = resolveLibraryDir(argv, process.env, userData, chosen);
  const localImageHostsForTests = process.env.LECTERN_TEST_LOCAL_IMAGE_HOSTS?.split(',').filter(Boolean);
  // The window's events come through one hub that outlives a switch of library.
  const events = new EventHub();
  let current = { dir: libraryDir, backend: null as Backend | null, stopRelay: () => {} };
  const open = (dir: string): Promise<Backend> =>
    openBackend(dir, {
      indexDelayMs: WINDOW_INDEX_DELAY_MS,
      localImageHostsForTests,
      switchLibrary,
      scheduledBackups: true,
    });
  const use = (dir: string, next: Backend) => {
    current.stopRelay();
    current = { dir, backend: next, stopRelay: next.events.subscribe((event) => events.emit(event)) };
  };
  const startClip = (on: Backend) =>
    startClipEndpoint(on, clipPortSetting(process.env.LECTERN_CLIP_PORT), {
      localImageHostsForTests,
      articleAddress: (id) => articleAddress(shell, id),
    });
  /**
   * Opens the other library first (taking its lock), so a failure leaves the
   * current one in use; the clip endpoint then serves the new library.
   */
  async function switchLibrary(dir: string): Promise<void> {
    const next = await open(dir);
    const previous = current.backend;
    use(dir, next);
    await clip.close();
    clip = await startClip(next);
    await previous?.close();
  }
  use(libraryDir, await open(libraryDir));
  const backend = () => current.backend as Backend;
  // Calls still running at shutdown finish first, so a stop never tears a write.
  const inFlight = new Set<Promise<CallResult>>();
  const shell = await startShellServer({
    dispatch: (method, args) => {
      const call = backend().dispatch(method, args);
      inFlight.add(call);
      void call.finally(() => inFlight.delete(call));
      return call;
    },
    events,
    libraryDir: () => current.dir,
    rendererDir: builtRendererDir(),
    iconFile: join(PROJECT_DIR, 'build', 'icon.ico'),
    token: randomBytes(24).toString('base64url'),
    port: portArg(argv),
  });
  let clip = await startClip(backend());
  return {
    shell,
    libraryDir,
    get clip() {
      return clip;
    },
    async stop() {
      await clip.close();
      await shell.close();
      await Promise.allSettled([...inFlight]);
      await backend().close();
    },
  };
}

/**
 * The address of an article in this shell's window: the page's origin and
 * the reader's route (renderer/src/app/router.svelte.ts). It carries no
 * token: the browser the person reads in holds the shell's cookie.
 */
export function articleAddress(shell: Pick<ShellServer, 'url'>, articleId: string): string {
  return `${new URL(shell.url).origin}/#/article/${encodeURIComponent(articleId)}`;
}

/** What the log says of the web clipper; the end-to-end tests read its port from it. */
function clipperLine({ status }: ClipEndpoint): string {
  if (status.state === 'listening') return `Web clipper endpoint at http://127.0.0.1:${status.port}`;
  return status.state === 'off'
    ? 'Web clipper endpoint: off'
    : `Web clipper endpoint unavailable: ${status.reason}`;
}

async function main(): Promise<void> {
  let running: RunningShell;
  try {
    running = await runBrowserShell(process.argv.slice(2));
  } catch (error) {
    console.error(`Lectern could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  announce(running);
}

/** Says where the running shell is (the tests read these lines), and stops it cleanly on Ctrl+C or a kill. */
export function announce(running: RunningShell): void {
  console.log(`Lectern is running at ${running.shell.url}`);
  console.log(`Library: ${running.libraryDir}`);
  console.log(clipperLine(running.clip));
  const stop = () => void running.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
