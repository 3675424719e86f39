/**
 * One running Lectern per library folder. Two processes writing the same
 * article.json would each keep their own copy in memory and overwrite the
 * other's changes, so opening a library takes `lectern.lock` in it: a file
 * created exclusively (O_EXCL), holding the owner's pid and host name.
 *
 * A lock is stale, and is taken over, when it names this host and a process
 * that no longer runs (a crash or a power cut left it behind), or when it
 * cannot be read at all. A lock from another host is never taken over: that
 * machine may be running Lectern on a shared or synced folder right now, and
 * only the person can tell; the message says which machine holds it.
 */
import { hostname } from 'node:os';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LecternError } from '../../shared/errors';
import { storageError } from './storage-error';

export const LOCK_FILE = 'lectern.lock';

export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

export interface LockIdentity {
  pid: number;
  hostname: string;
  /** Whether a process with this pid runs on this host. */
  isRunning(pid: number): boolean;
  now(): Date;
}

export interface LibraryLock {
  readonly path: string;
  release(): Promise<void>;
}

/** process.kill(pid, 0) tests for a process without signalling it; EPERM means it exists. */
export function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export const THIS_PROCESS: LockIdentity = {
  pid: process.pid,
  hostname: hostname(),
  isRunning: processIsRunning,
  now: () => new Date(),
};

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (Number.isInteger(value.pid) && typeof value.hostname === 'string') {
      return { pid: value.pid as number, hostname: value.hostname, startedAt: String(value.startedAt ?? '') };
    }
  } catch {
    // An unreadable lock is treated as stale below.
  }
  return null;
}

/** Whether a lock left by `owner` may be taken over by `me`. */
export function isStale(owner: LockOwner | null, me: LockIdentity): boolean {
  if (owner === null) return true;
  if (owner.hostname !== me.hostname) return false;
  return owner.pid !== me.pid && !me.isRunning(owner.pid);
}

function heldMessage(dir: string, owner: LockOwner, me: LockIdentity): string {
  const where =
    owner.hostname === me.hostname
      ? `process ${owner.pid} on this computer`
      : `process ${owner.pid} on the computer “${owner.hostname}”`;
  const since = owner.startedAt ? `, since ${owner.startedAt}` : '';
  return `The library ${dir} is open in another Lectern (${where}${since}). Close that Lectern first, or choose another library folder.`;
}

async function readOwner(path: string): Promise<LockOwner | null | 'gone'> {
  try {
    return parseOwner(await readFile(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
}

/** Takes the library's lock, or throws `library-in-use` naming the process that holds it. */
export async function acquireLibraryLock(dir: string, me: LockIdentity = THIS_PROCESS): Promise<LibraryLock> {
  const path = join(dir, LOCK_FILE);
  const owner: LockOwner = { pid: me.pid, hostname: me.hostname, startedAt: me.now().toISOString() };
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw storageError(dir, 'create its folder', error);
  }
  // Two rounds: a stale lock is removed once, then the exclusive create decides any race.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(`${JSON.stringify(owner, null, 2)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return { path, release: () => releaseLock(path, owner) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw storageError(dir, 'take its lock', error);
    }
    const current = await readOwner(path).catch((error: unknown) => {
      throw storageError(dir, 'read its lock', error);
    });
    if (current === 'gone') continue;
    if (current && current.pid === me.pid && current.hostname === me.hostname) {
      throw new LecternError('library-in-use', `The library ${dir} is already open in this Lectern.`);
    }
    if (!isStale(current, me))
      throw new LecternError('library-in-use', heldMessage(dir, current as LockOwner, me));
    await rm(path, { force: true });
  }
  throw new LecternError('library-in-use', `Another Lectern is opening the library ${dir} at this moment.`);
}

/** Removes the lock only while it is still ours, so a release never frees another process's lock. */
async function releaseLock(path: string, owner: LockOwner): Promise<void> {
  const current = await readOwner(path).catch(() => null);
  if (current && current !== 'gone' && current.pid === owner.pid && current.hostname === owner.hostname) {
    await rm(path, { force: true });
  }
}
