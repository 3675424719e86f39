/**
 * `npm run bench`: import speed of Lectern's pipeline against a baseline run
 * in the same process, printed as JSON lines.
 *
 * - baseline: plain Readability over jsdom, nothing else;
 * - lectern: the whole import (detection, decoding, Readability over
 *   linkedom, DOMPurify, metadata, writing the article folder).
 *
 * Each is run over the same pages, twice, and the second pass is timed, so
 * module loading and JIT warm-up do not count against either.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { prepareFile } from '../../electron/core/import/import-file';
import { Library } from '../../electron/core/library/library';
import { corpusDir, readabilityPages, type CorpusPage } from './corpus';

function emit(record: Record<string, unknown>): void {
  console.log(JSON.stringify(record));
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function baseline(page: CorpusPage): Promise<void> {
  try {
    const dom = new JSDOM(page.bytes, {
      url: 'http://fakehost/test/page.html',
      virtualConsole: new VirtualConsole(),
    });
    new Readability(dom.window.document).parse();
    dom.window.close();
  } catch {
    // The baseline fails on some pages (see the corpus README); it is timed all the same.
  }
}

async function lectern(page: CorpusPage, library: Library): Promise<void> {
  try {
    await library.add(await prepareFile({ name: `${page.name}.html`, type: 'text/html', bytes: page.bytes }));
  } catch {
    // A page Lectern refuses still costs its time.
  }
}

async function timePass(pages: CorpusPage[], run: (page: CorpusPage) => Promise<void>) {
  const times: number[] = [];
  let peakRss = process.memoryUsage().rss;
  const start = performance.now();
  for (const page of pages) {
    const t = performance.now();
    await run(page);
    times.push(performance.now() - t);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    // Let the event loop turn between pages, as a real bulk import does.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    pages: pages.length,
    pagesPerSecond: Number((pages.length / seconds).toFixed(2)),
    medianMs: Number(percentile(times, 50).toFixed(1)),
    p95Ms: Number(percentile(times, 95).toFixed(1)),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
  };
}

async function main(): Promise<void> {
  const dir = corpusDir();
  if (!dir) {
    emit({
      bench: 'import',
      skipped: 'corpus not found: set LECTERN_CORPUS or place it at ../shared/corpus',
    });
    return;
  }
  const pages = readabilityPages(dir);
  const libraryDir = await mkdtemp(join(tmpdir(), 'lectern-bench-'));
  const library = await Library.open(libraryDir);
  try {
    for (const [name, run] of [
      ['baseline: Readability over jsdom', baseline],
      ['lectern: full import', (page: CorpusPage) => lectern(page, library)],
    ] as const) {
      await timePass(pages, run);
      emit({ bench: 'import', corpus: 'readability-pages', pipeline: name, ...(await timePass(pages, run)) });
    }
  } finally {
    await rm(libraryDir, { recursive: true, force: true });
  }
}

await main();
