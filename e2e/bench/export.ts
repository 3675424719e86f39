/**
 * Export benchmark: on a synthetic library (synthetic-library.ts; 10,000
 * articles of ~2,000 words and 50,000 highlights unless a size is given as
 * the first argument), times the Markdown export of every article, a full
 * backup and a restore into an empty folder, and samples the process's peak
 * resident memory through each. Prints one JSON line per step.
 *
 * The baseline, measured first in the same run, is a plain copy of the
 * library folder (fs.cp): the cost of reading and writing the same files
 * with nothing else done, on this machine at this moment. Each step also
 * prints its time as a multiple of it (`vsCopy`), which stays comparable
 * on a busy machine where the seconds do not.
 *
 *   npx tsx e2e/bench/export.ts [articles]
 *
 * Targets at 10,000 articles: backup under 60 s, restore under 90 s, Markdown
 * under 30 s, memory under 400 MB.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBackup } from '../../electron/core/export/backup';
import { exportMarkdown } from '../../electron/core/export/markdown';
import { restoreBackup } from '../../electron/core/export/restore';
import { Library } from '../../electron/core/library/library';
import { buildSyntheticLibrary } from './synthetic-library';

const articles = Number(process.argv[2] ?? 10_000);

let baselineSeconds = 0;

async function measure(step: string, run: () => Promise<unknown>): Promise<number> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  await run();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    JSON.stringify({
      step,
      articles,
      seconds: Number(seconds.toFixed(2)),
      peakRssMb: Math.round(peak / 2 ** 20),
      ...(baselineSeconds > 0 ? { vsCopy: Number((seconds / baselineSeconds).toFixed(2)) } : {}),
    }),
  );
  return seconds;
}

const work = await mkdtemp(join(tmpdir(), 'lectern-export-bench-'));
try {
  const dir = join(work, 'library');
  await buildSyntheticLibrary(dir, {
    articles,
    wordsPerArticle: 2000,
    highlights: articles * 5,
    tags: 200,
    corpus: null,
  });
  baselineSeconds = await measure('copy-baseline', () => cp(dir, join(work, 'copy'), { recursive: true }));
  await rm(join(work, 'copy'), { recursive: true, force: true });
  const library = await Library.open(dir);
  const ids = library.summaries('articles').map((a) => a.id);
  await measure('markdown', () => exportMarkdown(library, ids, join(work, 'notes')));
  await measure('backup', () => writeBackup(library, join(work, 'backup.zip')));
  await library.close();
  await measure('restore', () => restoreBackup(join(work, 'backup.zip'), join(work, 'restored')));
} finally {
  await rm(work, { recursive: true, force: true });
}
