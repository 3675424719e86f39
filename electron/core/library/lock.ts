/**
 * One running Lectern per library folder. Two processes writing the same
 * article.json would each keep their own copy in memory and overwrite the
 * other's changes, so opening a library takes `lectern.lock` in it: a file
 * created exclusively (O_EXCL), holding the owner's pid, host name, a random
 * id for this run, and when the system can tell, the process's start time.
 *
 * A pid alone cannot tell the owner from a stranger: a container restarts
 * the app as pid 1 again, and after a crash the kernel may give the old pid
 * to any other process. So, on this host:
 * - a lock with our own pid but another run's id is stale: only one process
 *   has a pid at a time, and it is us, in a new run;
 * - a lock whose pid no longer runs is stale (a crash or a power cut);
 * - a lock whose pid runs is stale when the lock recorded a start time and
 *   that pid's process started at another time (the pid was reused).
 * The start time comes from /proc (the boot id and the start tick in
 * /proc/<pid>/stat), so the last check works on Linux only; elsewhere, or
 * for a lock written without it, a running pid is trusted to be the owner.
 * That errs on the side of refusing: a stale lock is named in the message
 * and can be removed by hand, while two Lecterns on one folder lose writes.
 *
 * A lock that cannot be read at all is stale. A lock from another host is
 * never taken over: that machine may be running Lectern on a shared or
 * synced folder right now, and only the person can tell; the message says
 * which machine holds it.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
  /** Random per run: tells a new run from an old one under the same pid. */
  run: string;
  /** processStart(pid) when the lock was taken, or null where the system cannot tell. */
  processStart: string | null;
}

export interface LockIdentity {
  pid: number;
  hostname: string;
  run: string;
  /** Whether a process with this pid runs on this host. */
  isRunning(pid: number): boolean;
  /** When the process with this pid started, as an opaque string, or null when unknown. */
  startOf(pid: number): string | null;
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

/**
 * The boot id and the process's start tick (field 22 of /proc/<pid>/stat,
 * counted after the parenthesized command name, which may hold spaces).
 * Null where there is no /proc or the process is gone.
 */
export function processStart(pid: number): string | null {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (the state), so field 22 is fields[19].
    const tick = fields[19];
    return tick && /^\d+$/.test(tick) ? `${boot}:${tick}` : null;
  } catch {
    return null;
  }
}

export const THIS_PROCESS: LockIdentity = {
  pid: process.pid,
  hostname: hostname(),
  run: randomUUID(),
  isRunning: processIsRunning,
  startOf: processStart,
  now: () => new Date(),
};

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (Number.isInteger(value.pid) && (value.pid as number) > 0 && typeof value.hostname === 'string') {
      return {
        pid: value.pid as number,
        hostname: value.hostname,
        startedAt: String(value.startedAt ?? ''),
        run: String(value.run ?? ''),
        processStart: typeof value.processStart === 'string' ? value.processStart : null,
      };
    }
  } catch {
    // An unreadable lock is treated as stale below.
  }
  return null;
}

type Run = Pick<LockOwner, 'pid' | 'hostname' | 'run'>;

function sameRun(a: Run, b: Run): boolean {
  return a.hostname === b.hostname && a.pid === b.pid && a.run === b.run;
}

/** Whether a lock left by `owner` may be taken over by `me`. */
export function isStale(owner: LockOwner | null, me: LockIdentity): boolean {
  if (owner === null) return true;
  if (owner.hostname !== me.hostname) return false;
  if (owner.pid === me.pid) return owner.run !== me.run;
  if (!me.isRunning(owner.pid)) return true;
  const now = owner.processStart === null ? null : me.startOf(owner.pid);
  return now !== null && now !== owner.processStart;
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
  const owner: LockOwner = {
    pid: me.pid,
    hostname: me.hostname,
    startedAt: me.now().toISOString(),
    run: me.run,
    processStart: me.startOf(me.pid),
  };
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
    if (current && sameRun(current, me)) {
      throw new LecternError('library-in-use', `The library ${dir} is already open in this Lectern.`);
    }
    if (!isStale(current, me))
      throw new LecternError('library-in-use', heldMessage(dir, current as LockOwner, me));
    await rm(path, { force: true });
  }
  throw new LecternError('library-in-use', `Another Lectern is opening the library ${dir} at this moment.`);
}

/** Removes the lock only while it is still this run's, so a release never frees another's lock. */
async function releaseLock(path: string, owner: LockOwner): Promise<void> {
  const current = await readOwner(path).catch(() => null);
  if (current && current !== 'gone' && sameRun(current, owner)) {
    await rm(path, { force: true });
  }
}
