/**
 * `npm run bench`, the import from another app: a generated Pocket export
 * of 20,000 items (two CSV parts, in a zip, with 2,000 highlights in
 * annotations/) brought into an empty library, its links not fetched (the
 * queue starts only when a window asks, and none does here).
 *
 * - baseline-read: reading the export alone (unzip, parse, join the
 *   highlights), the floor any import pays;
 * - baseline-per-item: the way items were written before the batched path,
 *   on the first BASELINE_ITEMS items into a library of its own: each its
 *   own folder (an fsync per file), then updated with its tags and state,
 *   sixteen at a time; its items per second against the import's;
 * - pocket-import: the whole import through the service, until every item
 *   is listed as a pending article with its tags, state, date and
 *   highlights.
 *
 * The targets: items listed in under 10 s on a 2-core machine, the
 * backend under 400 MB. Memory is the process's peak RSS, sampled every
 * 50 ms during the import. Printed as JSON lines; figures on a loaded
 * machine are rough.
 */
// First, as in the app's entry points: the import's fsyncs run on libuv's pool.
import '../../electron/core/files/io-threads';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventHub } from '../../electron/core/events';
import { readExport } from '../../electron/core/import/services/read-export';
import { Library } from '../../electron/core/library/library';
import { SearchEngine } from '../../electron/core/search/search-engine';
import { importService, pendingArticle } from '../../electron/core/services/import';
import { mapBounded } from '../../electron/shared/async';
import { pocketZip } from './pocket-export';

const ITEMS = Number(process.env.LECTERN_BENCH_EXPORT_ITEMS ?? 20_000);
/** Items the per-item baseline writes: enough for a steady rate, few enough to take seconds, not minutes. */
const BASELINE_ITEMS = Math.min(ITEMS, 1_000);

const emit = (record: Record<string, unknown>) =>
  console.log(JSON.stringify({ bench: 'app-export', ...record }));
const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
const seconds = (ms: number) => Number((ms / 1000).toFixed(2));

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'lectern-bench-export-'));
  try {
    const file = join(work, 'pocket.zip');
    await writeFile(file, pocketZip(ITEMS));

    const parseStart = performance.now();
    const parsed = await readExport(file);
    const parseMs = performance.now() - parseStart;
    emit({ step: 'baseline-read', items: parsed?.items.length, seconds: seconds(parseMs) });

    const before = await Library.open(join(work, 'baseline'));
    const sample = parsed?.items.slice(0, BASELINE_ITEMS) ?? [];
    const baselineStart = performance.now();
    await mapBounded(sample, 16, async (item) => {
      const saved = await before.add(pendingArticle(item.url, 'waiting'));
      await before.update(saved.id, (meta) => {
        meta.tags = item.tags;
        if (item.state === 'archive') meta.status = 'archived';
        if (item.savedAt !== undefined) meta.addedAt = new Date(item.savedAt).toISOString();
      });
    });
    const baselineMs = performance.now() - baselineStart;
    await before.close();
    emit({
      step: 'baseline-per-item',
      items: sample.length,
      seconds: seconds(baselineMs),
      itemsPerSecond: Math.round(sample.length / (baselineMs / 1000)),
    });

    const library = await Library.open(join(work, 'library'));
    const service = importService({ library, events: new EventHub(), search: new SearchEngine(library) });
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const start = performance.now();
    const report = await service.importAppExport({ path: file });
    const importMs = performance.now() - start;
    clearInterval(sampler);
    const listed = library.list().length;
    emit({
      step: 'pocket-import',
      items: ITEMS,
      highlights: Math.round(ITEMS / 10),
      listed,
      added: report.added,
      failed: report.failed,
      seconds: seconds(importMs),
      itemsPerSecond: Math.round(ITEMS / (importMs / 1000)),
      baselineSeconds: seconds(parseMs),
      perItemSecondsEstimate: seconds((baselineMs / Math.max(1, sample.length)) * ITEMS),
      peakRssMb: megabytes(peak),
      rssBeforeMb: megabytes(rssBefore),
      target: 'listed in under 10 s, backend under 400 MB',
      metTime: importMs < 10_000,
      metMemory: peak < 400 * 1024 * 1024,
    });
    await library.close();
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
