import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LecternError } from '../../shared/errors';
import { acquireLibraryLock, isStale, LOCK_FILE, processIsRunning, type LockIdentity } from './lock';

let dir: string;

function identity(pid: number, host = 'desk'): LockIdentity {
  return { pid, hostname: host, isRunning: processIsRunning, now: () => new Date('2026-01-02T03:04:05Z') };
}

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid as number;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-lock-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('acquireLibraryLock', () => {
  it('writes the owner’s pid and host into lectern.lock and removes it on release', async () => {
    const lock = await acquireLibraryLock(dir, identity(process.pid));
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toEqual({
      pid: process.pid,
      hostname: 'desk',
      startedAt: '2026-01-02T03:04:05.000Z',
    });
    await lock.release();
    await expect(readFile(join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('creates a library folder that does not exist yet', async () => {
    const lock = await acquireLibraryLock(join(dir, 'new', 'library'), identity(process.pid));
    expect(lock.path).toBe(join(dir, 'new', 'library', LOCK_FILE));
    await lock.release();
  });

  it('refuses a folder held by another running process and says which one', async () => {
    // This test's own process is running: it stands for the other Lectern.
    await acquireLibraryLock(dir, identity(process.pid));
    const attempt = acquireLibraryLock(dir, identity(deadPid()));
    await expect(attempt).rejects.toBeInstanceOf(LecternError);
    await expect(attempt).rejects.toMatchObject({
      code: 'library-in-use',
      message: expect.stringContaining(`process ${process.pid} on this computer`),
    });
  });

  it('names the other computer when the lock comes from another host', async () => {
    await writeFile(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: deadPid(), hostname: 'laptop', startedAt: '2026-01-01T00:00:00.000Z' }),
    );
    await expect(acquireLibraryLock(dir, identity(process.pid))).rejects.toMatchObject({
      code: 'library-in-use',
      message: expect.stringMatching(/on the computer “laptop”, since 2026-01-01/),
    });
  });

  it('takes over a stale lock left by a process that no longer runs', async () => {
    const gone = deadPid();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: gone, hostname: 'desk', startedAt: '' }));
    const lock = await acquireLibraryLock(dir, identity(process.pid));
    expect(JSON.parse(await readFile(lock.path, 'utf8')).pid).toBe(process.pid);
  });

  it('takes over a lock file that cannot be read', async () => {
    await writeFile(join(dir, LOCK_FILE), '{ torn');
    const lock = await acquireLibraryLock(dir, identity(process.pid));
    expect(JSON.parse(await readFile(lock.path, 'utf8')).hostname).toBe('desk');
  });

  it('refuses to open the same library twice in one process', async () => {
    await acquireLibraryLock(dir, identity(process.pid));
    await expect(acquireLibraryLock(dir, identity(process.pid))).rejects.toMatchObject({
      code: 'library-in-use',
      message: expect.stringContaining('already open in this Lectern'),
    });
  });

  it('never removes a lock that another process took after ours', async () => {
    const lock = await acquireLibraryLock(dir, identity(process.pid));
    await writeFile(lock.path, JSON.stringify({ pid: 4242, hostname: 'laptop', startedAt: '' }));
    await lock.release();
    expect(JSON.parse(await readFile(lock.path, 'utf8')).hostname).toBe('laptop');
  });
});

describe('isStale', () => {
  const me = identity(100);
  it.each([
    ['an unreadable lock', null, true],
    ['a dead process on this host', { pid: deadPid(), hostname: 'desk', startedAt: '' }, true],
    ['a running process on this host', { pid: process.pid, hostname: 'desk', startedAt: '' }, false],
    ['any process on another host', { pid: deadPid(), hostname: 'laptop', startedAt: '' }, false],
    ['this very process', { pid: 100, hostname: 'desk', startedAt: '' }, false],
  ])('%s: %s', (_label, owner, expected) => {
    expect(isStale(owner, me)).toBe(expected);
  });
});
