/**
 * Starts the real backend as its own process, the way `npm start` does in the
 * browser shell, and reads its address from the line it prints. Stopping it
 * sends SIGTERM, so the test exercises a clean shutdown and a fresh start on
 * the same library folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));
const READY = /Lectern is running at (\S+)/;
const START_TIMEOUT_MS = 30_000;

export interface RunningBackend {
  url: string;
  /** The backend process's id, for measuring it. */
  pid: number | undefined;
  output: () => string;
  stop(): Promise<void>;
}

export async function startBackend(libraryDir: string): Promise<RunningBackend> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/host/browser-shell.ts', '--library', libraryDir],
    {
      cwd: PROJECT_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
      // The specs' image servers are on 127.0.0.1, where dropped pages may not otherwise fetch from.
      env: { ...process.env, LECTERN_TEST_LOCAL_IMAGE_HOSTS: '127.0.0.1' },
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`backend did not start:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`backend exited with ${code}:\n${output}`)));
  });
  return {
    url,
    pid: child.pid,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
