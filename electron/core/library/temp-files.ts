/**
 * Temporary files left by writes that never finished: every atomic write
 * (files/atomic-write.ts) goes through a `.<name>.<random>.tmp` beside its
 * target, and a process killed before the rename leaves it there. They hold
 * nothing the library needs (the target still has the old or the new
 * content), so they are removed: at open for the library's own folders, and
 * in the background pass over the articles for theirs. Only files older than
 * `before` (the time the library was opened) go, so a write of this process
 * in flight is never robbed of its file.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const TEMP_NAME = /^\..+\.[0-9a-f]{8}\.tmp$/;

/** Removes stray temporary files directly in `folder`; returns how many. */
export async function sweepTempFiles(folder: string, before: number): Promise<number> {
  const names = await readdir(folder).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names.filter((n) => TEMP_NAME.test(n))) {
    const path = join(folder, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || info.mtimeMs >= before) continue;
    await rm(path, { force: true });
    removed++;
  }
  return removed;
}
