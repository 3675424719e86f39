/**
 * `npm run bench`: extraction quality, import speed and memory of Lectern's
 * pipeline against a baseline run in the same process, printed as JSON lines.
 *
 * - baseline: plain Readability 0.6.0 over jsdom, nothing else;
 * - lectern: the whole import (detection, decoding, extraction, DOMPurify,
 *   metadata, and for speed, writing the article folder).
 *
 * Quality is scored on both corpora (see score.ts). Speed passes run twice
 * over the same pages and the second is timed, so module loading and JIT
 * warm-up count against neither. Memory is read after a forced GC at 25%,
 * 50% and 100% of a long run over the corpus repeated, to show whether it
 * grows with the number of pages imported. `--verbose` adds one line per
 * human-labelled page, worst first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { prepareFile } from '../../electron/core/import/import-file';
import { Library } from '../../electron/core/library/library';
import { articleBenchmark, corpusDir, readabilityPages, type CorpusPage } from './corpus';
import { aggregate, bootstrap, shingleScores, tokenF1, type PageScore } from './score';
import { textOfHtml } from './text';

const VERBOSE = process.argv.includes('--verbose');
const MEMORY_ROUNDS = Number(process.env.LECTERN_BENCH_ROUNDS ?? 4);

function emit(record: Record<string, unknown>): void {
  console.log(JSON.stringify(record));
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

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
  let dom: JSDOM | null = null;
  try {
    dom = new JSDOM(page.bytes, { url: page.url, virtualConsole: new VirtualConsole() });
    const article = new Readability(dom.window.document).parse();
    return {
      title: article?.title ?? null,
      text: textOfHtml(article?.content ?? ''),
      rawText: article?.textContent ?? '',
    };
  } catch {
    // The baseline fails on some pages (see the corpus README): it scores nothing there.
    return { title: null, text: '', rawText: '' };
  } finally {
    dom?.window.close();
  }
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

async function baselineImport(page: CorpusPage): Promise<void> {
  baselineExtract(page);
}

async function lecternImport(page: CorpusPage, library: Library): Promise<void> {
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
    await tick();
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    pages: pages.length,
    pagesPerSecond: round(pages.length / seconds, 2),
    medianMs: round(percentile(times, 50), 1),
    p95Ms: round(percentile(times, 95), 1),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
  };
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Imports the corpus MEMORY_ROUNDS times over, reading memory after GC at set points. */
async function memoryGrowth(pages: CorpusPage[], library: Library): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    emit({ bench: 'memory', skipped: 'run node with --expose-gc (npm run bench does)' });
    return;
  }
  const total = pages.length * MEMORY_ROUNDS;
  const checkpoints = new Set([0.25, 0.5, 1].map((share) => Math.round(share * total)));
  const readings: Record<string, { rssMb: number; heapMb: number }> = {};
  let peakRss = 0;
  for (let i = 1; i <= total; i++) {
    await lecternImport(pages[(i - 1) % pages.length]!, library);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    await tick();
    if (checkpoints.has(i)) {
      gc();
      const usage = process.memoryUsage();
      readings[`after${i}`] = { rssMb: megabytes(usage.rss), heapMb: megabytes(usage.heapUsed) };
    }
  }
  emit({
    bench: 'memory',
    pipeline: 'lectern: full import',
    pages: total,
    peakRssMb: megabytes(peakRss),
    ...readings,
  });
}

async function main(): Promise<void> {
  const dir = corpusDir();
  const readability = dir ? readabilityPages(dir) : [];
  const labelled = dir ? articleBenchmark(dir) : [];
  if (readability.length === 0) {
    emit({
      bench: 'quality',
      corpus: 'readability-pages',
      skipped: 'corpus not found: set LECTERN_CORPUS or place it at ../shared/corpus',
    });
  } else {
    await readabilityQuality(readability);
  }
  if (labelled.length === 0) {
    emit({
      bench: 'quality',
      corpus: 'article-benchmark',
      skipped: 'corpus not found: set LECTERN_CORPUS or place it at ../shared/corpus',
    });
  } else {
    await benchmarkQuality(labelled);
  }
  const pages = [...readability, ...labelled];
  if (pages.length === 0) {
    emit({
      bench: 'import',
      skipped: 'corpus not found: set LECTERN_CORPUS or place it at ../shared/corpus',
    });
    return;
  }
  const corpus = [readability.length && 'readability-pages', labelled.length && 'article-benchmark']
    .filter(Boolean)
    .join(' + ');
  const libraryDir = await mkdtemp(join(tmpdir(), 'lectern-bench-'));
  try {
    const library = await Library.open(libraryDir);
    for (const [pipeline, run] of [
      ['baseline: Readability over jsdom', baselineImport],
      ['lectern: full import', (page: CorpusPage) => lecternImport(page, library)],
    ] as const) {
      await timePass(pages, run);
      emit({ bench: 'import', corpus, pipeline, ...(await timePass(pages, run)) });
    }
    await memoryGrowth(pages, library);
  } finally {
    await rm(libraryDir, { recursive: true, force: true });
  }
}

await main();
