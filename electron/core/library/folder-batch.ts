/**
 * Many new article folders written as one batch, for imports of thousands
 * of items (another app's export). Each folder is written whole into its
 * staging folder and renamed into articles/, as a single new folder is
 * (article-folder.ts), so a kill leaves each article either whole or absent
 * and a staging folder is swept on the next open. What changes is when the
 * disk is asked to make it durable:
 *
 * - one at a time, every file is written to a temporary file, fsynced and
 *   renamed: about five waits on the disk per article, one after the other;
 * - here, the files go straight into staging folders no reader sees (no
 *   temporary file, no rename each), and the fsyncs of a few dozen folders
 *   are in flight side by side, where the file system commits them
 *   together, while the next few dozen are written; only when the whole
 *   batch is durable is each folder renamed into place, and articles/
 *   itself fsynced once for all the renames.
 *
 * A staging folder itself is not fsynced, as the one-at-a-time writer's
 * is not: its files are, and a file system that journals its metadata in
 * order (ext4, XFS, APFS, NTFS) never keeps the rename into articles/
 * without the creations before it. That was one open and fsync more per
 * article, as many as its files for a pending link.
 *
 * The cost: a batch is durable only as a whole, and a failure in it (a full
 * disk) fails every article of the batch not yet renamed, which the caller
 * reports item by item.
 */
import { closeSync, fstatSync, fsync, mkdirSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleMeta } from '../../shared/article';
import { mapBounded, yieldToEventLoop } from '../../shared/async';
import { articleFolder, contentFiles, newFolderPath, stagingFolder, type NewArticle } from './article-folder';
import { recordText, type Stamp } from './article-record';

/**
 * Folders written per turn of the event loop. Their files are written with
 * blocking calls: for files this small the thread pool's round trips cost
 * three to four times the writing (measured on a 2-core machine), and 32
 * folders hold the loop for a few milliseconds. Their files stay open until
 * their fsyncs, which go to the thread pool together.
 */
const FOLDERS_AT_ONCE = 32;

export interface FolderToWrite {
  meta: ArticleMeta;
  article: NewArticle;
}

/** The files of one new folder, with the record last (a pending link's record alone). */
function filesOf({ meta, article }: FolderToWrite): [string, string | Uint8Array][] {
  return [...contentFiles(meta, article), ['article.json', recordText(meta)]];
}

/** Writes one folder into its staging folder, adding its open files to `open`; returns the record's stamp. */
function writeStaged(staging: string, folder: FolderToWrite, open: number[]): Stamp {
  mkdirSync(newFolderPath(staging, folder.article), { recursive: true });
  let stamp: Stamp = { mtimeMs: 0, size: 0 };
  for (const [name, data] of filesOf(folder)) {
    const fd = openSync(join(staging, name), 'w');
    open.push(fd);
    writeFileSync(fd, data);
    if (name === 'article.json') {
      const info = fstatSync(fd);
      stamp = { mtimeMs: info.mtimeMs, size: info.size };
    }
  }
  return stamp;
}

/** Fsyncs every descriptor side by side, closes them all, and throws the first failure. */
async function syncAndClose(fds: number[]): Promise<void> {
  const failures = await Promise.all(
    fds.map((fd) => new Promise<Error | null>((resolve) => fsync(fd, (error) => resolve(error)))),
  );
  for (const fd of fds) closeSync(fd);
  const failure = failures.find((error) => error !== null);
  if (failure) throw failure;
}

/**
 * Writes every folder of the batch into articles/ and returns each record's
 * stamp, in the order given. On a failure nothing of the batch is left in
 * staging; folders already renamed into place are whole, and their stamps
 * are the error's `written`, so the caller can take them in.
 */
export async function writeFolderBatch(libraryDir: string, folders: FolderToWrite[]): Promise<Stamp[]> {
  const stagings = folders.map(({ meta }) => stagingFolder(libraryDir, meta.id));
  const stamps: Stamp[] = [];
  let renamed = 0;
  // Each group's fsyncs run while the next group is written; at most two
  // groups are open at once. A group's failure is kept as a value until it
  // is awaited, so it is never a rejection that nothing handles yet.
  const syncs: Promise<{ failure: unknown } | null>[] = [];
  const settled = async (sync: (typeof syncs)[number] | undefined) => {
    const outcome = await sync;
    if (outcome) throw outcome.failure;
  };
  try {
    for (let start = 0; start < folders.length; start += FOLDERS_AT_ONCE) {
      const open: number[] = [];
      try {
        for (let index = start; index < Math.min(folders.length, start + FOLDERS_AT_ONCE); index++)
          stamps[index] = writeStaged(stagings[index] as string, folders[index] as FolderToWrite, open);
      } catch (error) {
        for (const fd of open) closeSync(fd);
        throw error;
      }
      syncs.push(
        syncAndClose(open).then(
          () => null,
          (failure: unknown) => ({ failure }),
        ),
      );
      await settled(syncs[syncs.length - 2]);
    }
    await settled(syncs[syncs.length - 1]);
    for (const [index, { meta }] of folders.entries()) {
      renameSync(stagings[index] as string, articleFolder(libraryDir, 'articles', meta.id));
      renamed++;
      if (renamed % FOLDERS_AT_ONCE === 0) await yieldToEventLoop();
    }
    if (process.platform !== 'win32') await syncAndClose([openSync(join(libraryDir, 'articles'), 'r')]);
    return stamps;
  } catch (error) {
    await Promise.all(syncs);
    await mapBounded(stagings.slice(renamed), FOLDERS_AT_ONCE, (staging) =>
      rm(staging, { recursive: true, force: true }).catch(() => undefined),
    );
    throw new BatchWriteError(error, stamps.slice(0, renamed));
  }
}

/** A batch that failed part-way: the first `written.length` folders are in place. */
export class BatchWriteError extends Error {
  constructor(
    readonly reason: unknown,
    readonly written: Stamp[],
  ) {
    super(`the batch of article folders failed: ${String(reason)}`);
  }
}
