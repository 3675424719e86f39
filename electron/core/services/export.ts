/**
 * ExportApi: chooses articles (by id, or by a query through the search
 * engine, the same language as the search box) and hands them to the
 * format's module in core/export/. Exports run as jobs the way imports do:
 * an AbortController per job id for cancelling, and export-progress events
 * after each article. Restoring a backup is not here: it replaces library
 * folders under a running Library, so it runs with the library closed
 * (export/restore.ts, from the command line).
 *
 * The formats that parse HTML or write zips (backup, EPUB, Markdown) are
 * loaded on first use: jsdom alone takes seconds to load on a busy machine,
 * and every start of the backend would pay for it.
 */
import type { ExportApi, ExportJob, ExportOutcome, ExportRequest } from '../../shared/api';
import { LecternError } from '../../shared/errors';
import { readArticles, type ExportProgress } from '../export/articles';
import { webAnnotations } from '../export/annotations';
import { netscapeBookmarks } from '../export/bookmarks';
import { writeOutput } from '../export/output';
import { readwiseCsv } from '../export/readwise';
import type { ServiceContext } from './context';

export function exportService({ library, search, events }: ServiceContext): ExportApi {
  const jobs = new Map<string, AbortController>();

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
      jobs.get(jobId)?.abort();
    },
  };
}
