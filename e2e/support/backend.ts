/**
 * Starts the real backend as its own process, the way `npm start` does in the
 * browser shell, and reads its address from the line it prints. Stopping it
 * sends SIGTERM, so the test exercises a clean shutdown and a fresh start on
 * the same library folder.
 *
 * The web clipper's endpoint is off unless a spec asks for it (clipPort):
 * specs run in parallel, and on its fixed port they would fight for it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));
const READY = /Lectern is running at (\S+)/;
/** The browser shell's line about the clip endpoint (browser-shell.ts's clipperLine), printed after READY's. */
const CLIPPER = /Web clipper endpoint(?: at (\S+)|: off| unavailable: .*)\n/;
const START_TIMEOUT_MS = 30_000;

/**
 * Where the clip endpoint listens: 'off' (the default), a port (0: any free
 * port), or 'default' for the documented port and its fallbacks, as a person's
 * Lectern does (for a spec that drives the real extension).
 */
export type ClipPort = 'off' | 'default' | number;

export interface BackendOptions {
  clipPort?: ClipPort;
}

/** The environment that gives the backend (or the Electron app) its clip endpoint. */
export function clipPortEnv(clipPort: ClipPort = 'off'): NodeJS.ProcessEnv {
  const env = { ...process.env };
  if (clipPort === 'default') delete env.LECTERN_CLIP_PORT;
  else env.LECTERN_CLIP_PORT = String(clipPort);
  return env;
}

export interface RunningBackend {
  url: string;
  /** The clip endpoint's address (http://127.0.0.1:<port>), or null when it is off or unavailable. */
  clipUrl: string | null;
  /** The backend process's id, for measuring it. */
  pid: number | undefined;
  output: () => string;
  stop(): Promise<void>;
}

export async function startBackend(
  libraryDir: string,
  options: BackendOptions = {},
): Promise<RunningBackend> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/host/browser-shell.ts', '--library', libraryDir],
    {
      cwd: PROJECT_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
      // The specs' image servers are on 127.0.0.1, where dropped pages may not otherwise fetch from.
      env: { ...clipPortEnv(options.clipPort), LECTERN_TEST_LOCAL_IMAGE_HOSTS: '127.0.0.1' },
    },
  );
  let output = '';
  const { url, clipUrl } = await new Promise<{ url: string; clipUrl: string | null }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`backend did not start:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      const clipper = CLIPPER.exec(output);
      if (match && clipper) {
        clearTimeout(timer);
        resolve({ url: match[1] as string, clipUrl: clipper[1] ?? null });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`backend exited with ${code}:\n${output}`)));
  });
  return {
    url,
    clipUrl,
    pid: child.pid,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
