/**
 * `npm run bench`, the import from another app: a generated Pocket export
 * of 20,000 items (two CSV parts, in a zip, with 2,000 highlights in
 * annotations/) brought into an empty library, its links not fetched (the
 * queue starts only when a window asks, and none does here).
 *
 * - baseline: reading the export alone (unzip, parse, join the highlights),
 *   the floor any import pays;
 * - lectern: the whole import through the service, until every item is
 *   listed as a pending article with its tags, state, date and highlights.
 *
 * The targets: items listed in under 10 s on a 2-core machine, the
 * backend under 400 MB. Memory is the process's peak RSS, sampled every
 * 50 ms during the import. Printed as JSON lines; figures on a loaded
 * machine are rough.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventHub } from '../../electron/core/events';
import { zipBytes } from '../../electron/core/import/fixtures/zip';
import { readExport } from '../../electron/core/import/services/read-export';
import { Library } from '../../electron/core/library/library';
import { SearchEngine } from '../../electron/core/search/search-engine';
import { importService } from '../../electron/core/services/import';

const ITEMS = Number(process.env.LECTERN_BENCH_EXPORT_ITEMS ?? 20_000);
const HIGHLIGHTS = Math.round(ITEMS / 10);
const PART = 10_000;

const emit = (record: Record<string, unknown>) =>
  console.log(JSON.stringify({ bench: 'app-export', ...record }));
const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
const seconds = (ms: number) => Number((ms / 1000).toFixed(2));

function pocketZip(): Uint8Array {
  const url = (i: number) => `https://site${i % 500}.example/articles/${i}`;
  const parts = [];
  for (let start = 0; start < ITEMS; start += PART) {
    const rows = ['title,url,time_added,tags,status'];
    for (let i = start; i < Math.min(ITEMS, start + PART); i++)
      rows.push(
        `Article ${i},${url(i)},${1_500_000_000 + i * 60},topic${i % 40}|year${i % 7},${i % 3 ? 'unread' : 'archive'}`,
      );
    parts.push({
      name: `part_${String(parts.length).padStart(6, '0')}.csv`,
      content: `${rows.join('\n')}\n`,
    });
  }
  const annotations = Array.from({ length: HIGHLIGHTS }, (_, n) => ({
    url: url(n * 10),
    title: `Article ${n * 10}`,
    highlights: [{ quote: `A sentence worth keeping, number ${n}.`, created_at: 1_600_000_000 + n }],
  }));
  return zipBytes([...parts, { name: 'annotations/part_000000.json', content: JSON.stringify(annotations) }]);
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'lectern-bench-export-'));
  try {
    const file = join(work, 'pocket.zip');
    await writeFile(file, pocketZip());

    const parseStart = performance.now();
    const parsed = await readExport(file);
    const parseMs = performance.now() - parseStart;
    emit({ step: 'baseline-read', items: parsed?.items.length, seconds: seconds(parseMs) });

    const library = await Library.open(join(work, 'library'));
    const service = importService({ library, events: new EventHub(), search: new SearchEngine(library) });
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const start = performance.now();
    const report = await service.importAppExport({ path: file });
    const importMs = performance.now() - start;
    clearInterval(sampler);
    const listed = library.list().length;
    emit({
      step: 'pocket-import',
      items: ITEMS,
      highlights: HIGHLIGHTS,
      listed,
      added: report.added,
      failed: report.failed,
      seconds: seconds(importMs),
      itemsPerSecond: Math.round(ITEMS / (importMs / 1000)),
      baselineSeconds: seconds(parseMs),
      peakRssMb: megabytes(peak),
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
