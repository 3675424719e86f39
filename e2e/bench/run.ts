/**
 * `npm run bench`: extraction quality, import speed and memory of Lectern's
 * pipeline against a baseline run in the same process, printed as JSON lines.
 *
 * - baseline: plain Readability 0.6.0 over jsdom, nothing else;
 * - lectern: the whole import (detection, decoding, extraction, DOMPurify,
 *   metadata, and for speed, writing the article folder), through the same
 *   bulk import the app runs (services/import.ts: files prepared on the
 *   worker pool, written one at a time).
 *
 * Quality is scored on both corpora (see score.ts). Speed: an untimed pass of
 * each, so module loading and JIT count against neither, then rounds that
 * alternate the two (importSpeed); worker start-up is timed apart, as a
 * first drop. The baseline's timed work is jsdom and Readability only, one
 * page after another on one thread, as the issue defines it; turning its
 * result into text for scoring is not timed. Lectern's pages per second come
 * from one bulk import of all pages (a drop of the whole corpus), its median
 * and p95 from importing the pages one at a time (a single-article import),
 * each into an empty library so nothing is skipped as a duplicate.
 * Memory is read after a forced GC at 25%, 50% and 100% of a long run over
 * the corpus repeated, to show whether it grows with the number of pages
 * imported. `--verbose` adds one line per human-labelled page, worst first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileInput, ImportApi } from '../../electron/shared/api';
import { EventHub } from '../../electron/core/events';
import { prepareFile } from '../../electron/core/import/pipeline/import-file';
import { preparePool } from '../../electron/core/import/workers/prepare-pool';
import { Library } from '../../electron/core/library/library';
import { SearchEngine } from '../../electron/core/search/search-engine';
import { importService } from '../../electron/core/services/import';
import { baselineArticle } from './baseline';
import { articleBenchmark, corpusDir, readabilityPages, type CorpusPage } from './corpus';
import { aggregate, bootstrap, shingleScores, tokenF1, type PageScore } from './score';
import { textOfHtml } from './text';

const VERBOSE = process.argv.includes('--verbose');
const MEMORY_ROUNDS = Number(process.env.LECTERN_BENCH_ROUNDS ?? 4);
const SPEED_ROUNDS = Number(process.env.LECTERN_BENCH_SPEED_ROUNDS ?? 3);
const NO_CORPUS = 'corpus not found: set LECTERN_CORPUS or place it at ../shared/corpus';

function emit(record: Record<string, unknown>): void {
  console.log(JSON.stringify(record));
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

interface Extraction {
  title: string | null;
  /** Text with blocks kept apart. */
  text: string;
  /** Readability's own textContent, as the benchmark's published figures use it. */
  rawText?: string;
}

function baselineExtract(page: CorpusPage): Extraction {
  const article = baselineArticle(page);
  return {
    title: article?.title ?? null,
    text: textOfHtml(article?.content ?? ''),
    rawText: article?.textContent ?? '',
  };
}

async function lecternExtract(page: CorpusPage): Promise<Extraction> {
  try {
    const article = await prepareFile({ name: `${page.name}.html`, type: 'text/html', bytes: page.bytes });
    return { title: article.fields.title, text: textOfHtml(article.html) };
  } catch {
    return { title: null, text: '' };
  }
}

const expectedText = (page: CorpusPage) =>
  'html' in page.expected ? textOfHtml(page.expected.html) : page.expected.text;

async function readabilityQuality(pages: CorpusPage[]): Promise<void> {
  for (const [pipeline, extract] of [
    ['baseline: Readability over jsdom', baselineExtract],
    ['lectern', lecternExtract],
  ] as const) {
    let f1 = 0;
    let titles = 0;
    for (const page of pages) {
      const result = await extract(page);
      f1 += tokenF1(expectedText(page), result.text);
      if (result.title === page.expectedTitle) titles++;
      await tick();
    }
    emit({
      bench: 'quality',
      corpus: 'readability-pages',
      pipeline,
      pages: pages.length,
      meanTokenF1: round(f1 / pages.length),
      titleMatch: round(titles / pages.length),
    });
  }
}

function summary(scores: PageScore[]) {
  const mean = aggregate(scores);
  const spread = bootstrap(scores);
  return {
    f1: round(mean.f1),
    precision: round(mean.precision),
    recall: round(mean.recall),
    accuracy: round(mean.accuracy),
    f1Sd: round(spread.f1),
    precisionSd: round(spread.precision),
    recallSd: round(spread.recall),
  };
}

async function benchmarkQuality(pages: CorpusPage[]): Promise<void> {
  const baseline: PageScore[] = [];
  const baselineRaw: PageScore[] = [];
  const lectern: PageScore[] = [];
  for (const page of pages) {
    const truth = expectedText(page);
    const base = baselineExtract(page);
    baseline.push(shingleScores(truth, base.text));
    baselineRaw.push(shingleScores(truth, base.rawText ?? ''));
    lectern.push(shingleScores(truth, (await lecternExtract(page)).text));
    await tick();
  }
  const corpus = 'article-benchmark';
  emit({
    bench: 'quality',
    corpus,
    pipeline: 'baseline: Readability textContent (as published)',
    pages: pages.length,
    ...summary(baselineRaw),
  });
  emit({
    bench: 'quality',
    corpus,
    pipeline: 'baseline: Readability content, blocks apart',
    pages: pages.length,
    ...summary(baseline),
  });
  emit({ bench: 'quality', corpus, pipeline: 'lectern', pages: pages.length, ...summary(lectern) });
  if (!VERBOSE) return;
  const rows = pages.map((page, i) => ({
    page: page.name.slice(0, 12),
    url: page.url,
    precision: round(lectern[i]!.precision),
    recall: round(lectern[i]!.recall),
    baselinePrecision: round(baseline[i]!.precision),
    baselineRecall: round(baseline[i]!.recall),
  }));
  rows.sort((a, b) => Math.min(a.precision, a.recall) - Math.min(b.precision, b.recall));
  for (const row of rows) emit({ bench: 'quality-page', corpus, ...row });
}

const asFile = (page: CorpusPage): FileInput => ({
  name: `${page.name}.html`,
  type: 'text/html',
  bytes: page.bytes,
});

/**
 * Runs `work` with the app's import service over a new, empty library, then
 * deletes it. Web images are not fetched: the pipeline is timed without the
 * network, as the baseline runs.
 */
async function withImporter<T>(work: (importer: ImportApi) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-bench-'));
  const library = await Library.open(dir);
  try {
    const context = { library, events: new EventHub(), search: new SearchEngine(library) };
    return await work(importService(context, { fetchWebImages: false }));
  } finally {
    await library.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Samples the process's resident memory (main thread and workers) while `work` runs. */
async function peakRssDuring<T>(work: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peakRss = process.memoryUsage.rss();
  // rss() alone: it skips the heap statistics memoryUsage() gathers, taxing what is timed less.
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 20);
  try {
    const result = await work();
    return { result, peakRss: Math.max(peakRss, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}

/** Times one page after another; `run` imports one page. */
async function timePass(pages: CorpusPage[], run: (page: CorpusPage) => Promise<unknown>) {
  const times: number[] = [];
  const { peakRss, result: seconds } = await peakRssDuring(async () => {
    const start = performance.now();
    for (const page of pages) {
      const t = performance.now();
      await run(page);
      times.push(performance.now() - t);
      // Let the event loop turn between pages, as a real bulk import does.
      await tick();
    }
    return (performance.now() - start) / 1000;
  });
  return {
    pages: pages.length,
    pagesPerSecond: round(pages.length / seconds, 2),
    medianMs: round(percentile(times, 50), 1),
    p95Ms: round(percentile(times, 95), 1),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
  };
}

/** One bulk import of every page into an empty library: seconds taken, and how many were imported. */
function bulkImport(pages: CorpusPage[]) {
  return peakRssDuring(() =>
    withImporter(async (importer) => {
      const start = performance.now();
      const outcomes = await importer.importFiles(pages.map(asFile));
      const imported = outcomes.filter((outcome) => outcome.status === 'imported').length;
      return { seconds: (performance.now() - start) / 1000, imported };
    }),
  );
}

/**
 * Lectern: a bulk import of every page on workers that have just started
 * (the first drop after the pool stopped its idle workers), one on the
 * same workers warm, which gives pages per second, then the pages one at a
 * time for a single import's latency.
 */
async function timeLectern(pages: CorpusPage[]) {
  // On a machine where the baseline's pass is shorter than the pool's idle time, workers are still warm.
  const firstDropOnFreshWorkers = preparePool.workers === 0;
  const firstDrop = await bulkImport(pages);
  const bulk = await bulkImport(pages);
  const single = await withImporter((importer) =>
    timePass(pages, (page) => importer.importFiles([asFile(page)])),
  );
  return {
    pages: pages.length,
    imported: bulk.result.imported,
    workers: preparePool.size,
    pagesPerSecond: round(pages.length / bulk.result.seconds, 2),
    firstDropPagesPerSecond: round(pages.length / firstDrop.result.seconds, 2),
    firstDropOnFreshWorkers,
    medianMs: single.medianMs,
    p95Ms: single.p95Ms,
    onePageAtATimePagesPerSecond: single.pagesPerSecond,
    peakRssMb: megabytes(Math.max(firstDrop.peakRss, bulk.peakRss, single.peakRssMb * 1024 * 1024)),
  };
}

const median = (values: number[]) => percentile(values, 50);

/**
 * One untimed pass of each (module loading, JIT), then SPEED_ROUNDS rounds of
 * baseline then Lectern: a machine that slows down or speeds up during the
 * run moves both sides alike, and the spread of the ratio across rounds shows
 * how far one round can be trusted. The baseline's pass outlasts the pool's
 * idle time, so each round's Lectern part starts with a first drop on fresh
 * workers (see timeLectern).
 */
async function importSpeed(pages: CorpusPage[], corpus: string): Promise<void> {
  const baseline = (page: CorpusPage) => Promise.resolve(baselineArticle(page));
  await timePass(pages, baseline);
  await timeLectern(pages);
  const rounds = [];
  for (let pass = 1; pass <= SPEED_ROUNDS; pass++) {
    const base = await timePass(pages, baseline);
    emit({ bench: 'import', corpus, round: pass, pipeline: 'baseline: Readability over jsdom', ...base });
    const lectern = await timeLectern(pages);
    emit({ bench: 'import', corpus, round: pass, pipeline: 'lectern: full import', ...lectern });
    rounds.push({ base, lectern });
  }
  const ratios = rounds.map(({ base, lectern }) => lectern.pagesPerSecond / base.pagesPerSecond);
  emit({
    bench: 'import',
    corpus,
    rounds: SPEED_ROUNDS,
    baselinePagesPerSecond: median(rounds.map(({ base }) => base.pagesPerSecond)),
    lecternPagesPerSecond: median(rounds.map(({ lectern }) => lectern.pagesPerSecond)),
    lecternFirstDropPagesPerSecond: median(rounds.map(({ lectern }) => lectern.firstDropPagesPerSecond)),
    ratios: ratios.map((ratio) => round(ratio, 2)),
    lowestRatio: round(Math.min(...ratios), 2),
    singleImportMedianMs: median(rounds.map(({ lectern }) => lectern.medianMs)),
  });
}

/** Imports the corpus MEMORY_ROUNDS times over in bulk, reading memory after GC at set points. */
async function memoryGrowth(pages: CorpusPage[]): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    emit({ bench: 'memory', skipped: 'run node with --expose-gc (npm run bench does)' });
    return;
  }
  const checkpoints = new Set([0.25, 0.5, 1].map((share) => Math.max(1, Math.round(share * MEMORY_ROUNDS))));
  const readings: Record<string, { rssMb: number; heapMb: number }> = {};
  const { peakRss } = await peakRssDuring(async () => {
    for (let round = 1; round <= MEMORY_ROUNDS; round++) {
      await withImporter((importer) => importer.importFiles(pages.map(asFile)));
      if (checkpoints.has(round)) {
        gc();
        const usage = process.memoryUsage();
        readings[`after${round * pages.length}`] = {
          rssMb: megabytes(usage.rss),
          heapMb: megabytes(usage.heapUsed),
        };
      }
    }
  });
  emit({
    bench: 'memory',
    pipeline: 'lectern: full import',
    pages: pages.length * MEMORY_ROUNDS,
    peakRssMb: megabytes(peakRss),
    ...readings,
  });
}

/** Scores one corpus's pages, or says the corpus was not found. */
async function qualityOf(
  corpus: string,
  pages: CorpusPage[],
  score: (pages: CorpusPage[]) => Promise<void>,
): Promise<void> {
  if (pages.length === 0) {
    emit({ bench: 'quality', corpus, skipped: NO_CORPUS });
  } else {
    await score(pages);
  }
}

async function main(): Promise<void> {
  const dir = corpusDir();
  const readability = dir ? readabilityPages(dir) : [];
  const labelled = dir ? articleBenchmark(dir) : [];
  await qualityOf('readability-pages', readability, readabilityQuality);
  await qualityOf('article-benchmark', labelled, benchmarkQuality);
  const pages = [...readability, ...labelled];
  if (pages.length === 0) {
    emit({
      bench: 'import',
      skipped: NO_CORPUS,
    });
    return;
  }
  const corpus = [readability.length && 'readability-pages', labelled.length && 'article-benchmark']
    .filter(Boolean)
    .join(' + ');
  await importSpeed(pages, corpus);
  await memoryGrowth(pages);
}

await main();
