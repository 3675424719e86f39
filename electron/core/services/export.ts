/**
 * ExportApi: chooses articles (by id, or by a query through the search
 * engine, the same language as the search box) and hands them to the
 * format's module in core/export/. Exports run as jobs the way imports do:
 * an AbortController per job id for cancelling, and export-progress events
 * after each article.
 *
 * Restoring from the window goes two ways. Into a new folder: the restore
 * runs there under that folder's lock, and openLibrary then asks the host
 * (the desktop app or the browser shell, through ServiceContext) to switch
 * to it, since only the host can swap the backend it serves. Merged into
 * the open library: the restore stages and checks every file, then hands
 * the open Library the folders to take in and the articles to join, so the
 * running app sees them as ordinary changes.
 *
 * The formats that parse HTML or write zips (backup, EPUB, Markdown) are
 * loaded on first use: jsdom alone takes seconds to load on a busy machine,
 * and every start of the backend would pay for it.
 */
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type {
  ExportApi,
  ExportJob,
  ExportOutcome,
  ExportRequest,
  FileInput,
  RestoreRequest,
} from '../../shared/api';
import { LecternError } from '../../shared/errors';
import { inspectFolder } from '../library/move';
import { acquireLibraryLock } from '../library/lock';
import { cancelledError, readArticles, type ExportProgress } from '../export/articles';
import { webAnnotations } from '../export/annotations';
import { netscapeBookmarks } from '../export/bookmarks';
import { writeOutput } from '../export/output';
import { readwiseCsv } from '../export/readwise';
import type { ServiceContext } from './context';

/** Checks that a new library's folder is not the open one and holds nothing yet. */
async function checkNewFolder(dir: string, current: string): Promise<void> {
  const folder = await inspectFolder(dir).catch(() => ({ isLibrary: false, isEmpty: false }));
  const missing = await access(dir).then(
    () => false,
    () => true,
  );
  if (resolve(dir) === resolve(current) || (!missing && !folder.isEmpty))
    throw new LecternError(
      'invalid-argument',
      `${dir} is not empty; choose a new or empty folder for the restored library. Nothing was changed.`,
    );
}

/** "Lectern Library (restored 2026-12-03)" beside the open library, numbered when taken. */
async function suggestedFolder(libraryDir: string, now: Date): Promise<string> {
  const base = join(dirname(libraryDir), `Lectern Library (restored ${now.toISOString().slice(0, 10)})`);
  for (let n = 1; ; n++) {
    const dir = n === 1 ? base : `${base} ${n}`;
    if (
      await access(dir).then(
        () => false,
        () => true,
      )
    )
      return dir;
  }
}

export function exportService({
  library,
  search,
  events,
  switchLibrary,
  backups,
}: ServiceContext): ExportApi {
  const jobs = new Map<string, AbortController>();
  /** Backups the window uploaded, removed once restored. */
  const uploads = new Set<string>();

  async function chosen(request: ExportRequest): Promise<string[]> {
    if (request.ids) {
      const missing = request.ids.find((id) => !library.has(id));
      if (missing)
        throw new LecternError('not-found', 'An article chosen for export is no longer in the library.');
      return request.ids;
    }
    return (await search.search(request.query ?? '')).ids;
  }

  async function run(request: ExportRequest, progress: ExportProgress): Promise<ExportOutcome> {
    const outcome = (articles: number, written: number, skipped: string[] = []): ExportOutcome => ({
      format: request.format,
      out: request.out,
      articles,
      written,
      skipped,
    });
    if (request.format === 'backup') {
      const { writeBackup } = await import('../export/backup');
      const manifest = await writeBackup(library, request.out, {
        ...progress,
        includeTrash: request.includeTrash,
      });
      return outcome(
        library.summaries(request.includeTrash === false ? 'articles' : undefined).length,
        manifest.files.length,
      );
    }
    const ids = await chosen(request);
    switch (request.format) {
      case 'markdown': {
        const { exportMarkdown } = await import('../export/markdown');
        const result = await exportMarkdown(library, ids, request.out, {
          ...progress,
          includeText: request.includeText,
          template: request.template ?? library.file.libraryOptions().markdownTemplate ?? undefined,
        });
        return outcome(
          ids.length,
          result.written,
          result.skipped.map((name) => `${name} was left as it was: its “lectern:end” line was removed.`),
        );
      }
      case 'readwise': {
        const csv = await readwiseCsv(readArticles(library, ids, false, progress));
        await writeOutput(request.out, csv);
        const rows = ids.reduce((sum, id) => sum + library.summary(id).highlightCount, 0);
        return outcome(ids.length, rows);
      }
      case 'annotations': {
        const collection = await webAnnotations(readArticles(library, ids, false, progress), new Date());
        await writeOutput(request.out, `${JSON.stringify(collection, null, 2)}\n`);
        return outcome(ids.length, collection.total);
      }
      case 'bookmarks': {
        const { html, count } = await netscapeBookmarks(readArticles(library, ids, false, progress));
        await writeOutput(request.out, html);
        const unlinked = ids.length - count;
        return outcome(
          ids.length,
          count,
          unlinked > 0 ? [`${unlinked} articles without a web address were left out.`] : [],
        );
      }
      case 'epub': {
        const { exportEpub } = await import('../export/epub');
        const { chapters } = await exportEpub(library, ids, request.out, {
          ...progress,
          title: request.title,
        });
        return outcome(ids.length, chapters);
      }
    }
  }

  return {
    async exportArticles(request: ExportRequest, job?: ExportJob) {
      if (!job) return run(request, {});
      const controller = new AbortController();
      jobs.set(job.jobId, controller);
      try {
        return await run(request, {
          signal: controller.signal,
          onProgress: (done, total) =>
            events.emit({ type: 'export-progress', jobId: job.jobId, done, total }),
        });
      } finally {
        jobs.delete(job.jobId);
      }
    },

    async cancelExport(jobId: string) {
      jobs.get(jobId)?.abort(cancelledError());
    },

    async uploadBackup(file: FileInput) {
      const folder = await mkdtemp(join(tmpdir(), 'lectern-restore-'));
      const path = join(folder, basename(file.name.replaceAll('\\', '/')) || 'backup.zip');
      await writeFile(path, file.bytes);
      uploads.add(path);
      return path;
    },

    async previewRestore({ backup, target }: RestoreRequest) {
      const { previewBackup } = await import('../export/restore');
      if (target.into === 'new') await checkNewFolder(target.dir, library.dir);
      const preview = await previewBackup(backup, target.into === 'merge' ? library : undefined);
      return { ...preview, suggestedDir: await suggestedFolder(library.dir, new Date()) };
    },

    async restoreBackup({ backup, target }: RestoreRequest, job?: ExportJob) {
      const { restoreBackup } = await import('../export/restore');
      const onProgress = job
        ? (done: number, total: number) =>
            events.emit({ type: 'export-progress', jobId: job.jobId, done, total })
        : undefined;
      let report;
      let dir = library.dir;
      if (target.into === 'merge') {
        report = await restoreBackup(backup, dir, { merge: true, library, onProgress });
      } else {
        dir = resolve(target.dir);
        await checkNewFolder(dir, library.dir);
        const lock = await acquireLibraryLock(dir);
        try {
          report = await restoreBackup(backup, dir, { onProgress });
        } finally {
          await lock.release();
        }
      }
      if (uploads.delete(backup)) await rm(dirname(backup), { recursive: true, force: true });
      return { dir, ...report };
    },

    async openLibrary(dir: string) {
      if (!switchLibrary)
        throw new LecternError('library-unavailable', 'This Lectern cannot switch to another library.');
      if (!(await inspectFolder(dir)).isLibrary)
        throw new LecternError('invalid-argument', `${dir} does not hold a Lectern library.`);
      await switchLibrary(dir);
    },

    async backUpNow() {
      if (!backups)
        throw new LecternError('library-unavailable', 'This Lectern does not make scheduled backups.');
      return backups.runNow();
    },
  };
}
