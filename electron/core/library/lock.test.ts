import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../fixtures/temp-folder';
import { LecternError } from '../../shared/errors';
import {
  acquireLibraryLock,
  isStale,
  LOCK_FILE,
  processIsRunning,
  processStart,
  type LockIdentity,
  type LockOwner,
} from './lock';

const temp = useTempFolder('lectern-lock-');
const HAS_PROC = existsSync('/proc/self/stat');

function identity(pid: number, host = 'desk', run = 'run-1'): LockIdentity {
  return {
    pid,
    hostname: host,
    run,
    isRunning: processIsRunning,
    startOf: processStart,
    now: () => new Date('2026-01-02T03:04:05Z'),
  };
}

function owner(fields: Partial<LockOwner> & { pid: number }): LockOwner {
  return { hostname: 'desk', startedAt: '', run: 'old-run', processStart: null, ...fields };
}

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid as number;
}

describe('acquireLibraryLock', () => {
  it('writes the owner’s pid and host into lectern.lock and removes it on release', async () => {
    const lock = await acquireLibraryLock(temp.dir, identity(process.pid));
    expect(JSON.parse(await readFile(join(temp.dir, LOCK_FILE), 'utf8'))).toEqual({
      pid: process.pid,
      hostname: 'desk',
      startedAt: '2026-01-02T03:04:05.000Z',
      run: 'run-1',
      processStart: processStart(process.pid),
    });
    await lock.release();
    await expect(readFile(join(temp.dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('creates a library folder that does not exist yet', async () => {
    const lock = await acquireLibraryLock(join(temp.dir, 'new', 'library'), identity(process.pid));
    expect(lock.path).toBe(join(temp.dir, 'new', 'library', LOCK_FILE));
    await lock.release();
  });

  it('refuses a folder held by another running process and says which one', async () => {
    // This test's own process is running: it stands for the other Lectern.
    await acquireLibraryLock(temp.dir, identity(process.pid));
    const attempt = acquireLibraryLock(temp.dir, identity(deadPid()));
    await expect(attempt).rejects.toBeInstanceOf(LecternError);
    await expect(attempt).rejects.toMatchObject({
      code: 'library-in-use',
      message: expect.stringContaining(`process ${process.pid} on this computer`),
    });
  });

  it('names the other computer when the lock comes from another host', async () => {
    await writeFile(
      join(temp.dir, LOCK_FILE),
      JSON.stringify({ pid: deadPid(), hostname: 'laptop', startedAt: '2026-01-01T00:00:00.000Z' }),
    );
    await expect(acquireLibraryLock(temp.dir, identity(process.pid))).rejects.toMatchObject({
      code: 'library-in-use',
      message: expect.stringMatching(/on the computer “laptop”, since 2026-01-01/),
    });
  });

  it('takes over a stale lock left by a process that no longer runs', async () => {
    const gone = deadPid();
    await writeFile(
      join(temp.dir, LOCK_FILE),
      JSON.stringify({ pid: gone, hostname: 'desk', startedAt: '' }),
    );
    const lock = await acquireLibraryLock(temp.dir, identity(process.pid));
    expect(JSON.parse(await readFile(lock.path, 'utf8')).pid).toBe(process.pid);
  });

  it('takes over a lock file that cannot be read', async () => {
    await writeFile(join(temp.dir, LOCK_FILE), '{ torn');
    const lock = await acquireLibraryLock(temp.dir, identity(process.pid));
    expect(JSON.parse(await readFile(lock.path, 'utf8')).hostname).toBe('desk');
  });

  it('refuses to open the same library twice in one process', async () => {
    await acquireLibraryLock(temp.dir, identity(process.pid));
    await expect(acquireLibraryLock(temp.dir, identity(process.pid))).rejects.toMatchObject({
      code: 'library-in-use',
      message: expect.stringContaining('already open in this Lectern'),
    });
  });

  it('never removes a lock that another process took after ours', async () => {
    const lock = await acquireLibraryLock(temp.dir, identity(process.pid));
    await writeFile(lock.path, JSON.stringify({ pid: 4242, hostname: 'laptop', startedAt: '' }));
    await lock.release();
    expect(JSON.parse(await readFile(lock.path, 'utf8')).hostname).toBe('laptop');
  });
});

describe('isStale', () => {
  const me = identity(100);
  it.each([
    ['an unreadable lock', null, true],
    ['a dead process on this host', owner({ pid: deadPid() }), true],
    ['a running process on this host', owner({ pid: process.pid }), false],
    [
      'a running process that started when the lock says',
      owner({ pid: process.pid, processStart: processStart(process.pid) }),
      false,
    ],
    ['any process on another host', owner({ pid: deadPid(), hostname: 'laptop' }), false],
    ['this very run', owner({ pid: 100, run: 'run-1' }), false],
    ['an earlier run under this pid', owner({ pid: 100, run: 'before-restart' }), true],
  ])('%s: %s', (_label, lockOwner, expected) => {
    expect(isStale(lockOwner, me)).toBe(expected);
  });
});

const LOCK_MODULE = pathToFileURL(fileURLToPath(new URL('./lock.ts', import.meta.url))).href;

/** A real second process: node running `code`, up and past its first line of output. */
async function startProcess(code: string, args: string[] = []): Promise<ChildProcess> {
  const script = join(temp.dir, `child-${Math.random().toString(36).slice(2)}.mts`);
  await writeFile(script, code);
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (exitCode) => reject(new Error(`the child exited with ${exitCode}`)));
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill();
  });
}

describe('restarts and reused pids', { timeout: 30_000 }, () => {
  it('takes over a lock left by an earlier run under the same pid (a restarted container)', async () => {
    await writeFile(
      join(temp.dir, LOCK_FILE),
      JSON.stringify(owner({ pid: process.pid, run: 'before-restart', processStart: 'boot:1' })),
    );
    const lock = await acquireLibraryLock(temp.dir, identity(process.pid));
    expect(JSON.parse(await readFile(lock.path, 'utf8'))).toMatchObject({ pid: process.pid, run: 'run-1' });
    await lock.release();
  });

  it('refuses a library another live Lectern process holds, and takes it once that process is gone', async () => {
    const holder = await startProcess(
      `import { acquireLibraryLock } from ${JSON.stringify(LOCK_MODULE)};
       await acquireLibraryLock(process.argv[2]);
       console.log('locked');
       setInterval(() => {}, 1000);`,
      [temp.dir],
    );
    try {
      await expect(acquireLibraryLock(temp.dir)).rejects.toMatchObject({
        code: 'library-in-use',
        message: expect.stringContaining(`process ${holder.pid} on this computer`),
      });
    } finally {
      await stop(holder);
    }
    const lock = await acquireLibraryLock(temp.dir);
    expect(JSON.parse(await readFile(lock.path, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it.runIf(HAS_PROC)('takes over a lock whose pid now belongs to another process', async () => {
    const stranger = await startProcess(`console.log('up'); setInterval(() => {}, 1000);`);
    try {
      const pid = stranger.pid as number;
      const lockOwner = owner({ pid, hostname: hostname(), processStart: 'an-earlier-boot:12345' });
      await writeFile(join(temp.dir, LOCK_FILE), JSON.stringify(lockOwner));
      const lock = await acquireLibraryLock(temp.dir);
      expect(JSON.parse(await readFile(lock.path, 'utf8')).pid).toBe(process.pid);
      await lock.release();

      // Without a recorded start time, a running pid is trusted to be the owner.
      await writeFile(join(temp.dir, LOCK_FILE), JSON.stringify({ ...lockOwner, processStart: null }));
      await expect(acquireLibraryLock(temp.dir)).rejects.toMatchObject({ code: 'library-in-use' });
    } finally {
      await stop(stranger);
    }
  });

  it.runIf(HAS_PROC)('reads a steady start time for a running process and none for one that is gone', () => {
    expect(processStart(process.pid)).toMatch(/^[\w-]+:\d+$/);
    expect(processStart(process.pid)).toBe(processStart(process.pid));
    expect(processStart(deadPid())).toBeNull();
  });
});
