/**
 * `npm run bench`, extraction step: Lectern's extractor (extract-html.ts,
 * Readability with the layer around it) against plain Readability 0.6.0 in
 * the same run, over the same DOM (linkedom), so the difference is the
 * layer and nothing else.
 *
 * - article benchmark: shingle F1, precision, recall and accuracy, scored as
 *   the benchmark's own evaluation does (score.ts);
 * - Readability's test pages: token F1 against each page's expected text,
 *   and the page that loses most against plain Readability;
 * - titles: on the test pages that expect one, the share that is the
 *   expected title or the expected title without its site or author suffix,
 *   and how many still end with the site's name after a separator;
 * - time: extraction alone (parse included, decoding not) per page, rounds
 *   alternating the two so a machine that changes speed moves both alike;
 * - ablation: every rule of the layer switched off in turn.
 *
 * Both sides read text the same way (text.ts: blocks kept apart). Printed as
 * JSON lines; `--verbose` adds the worst pages.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../../electron/core/import/formats/extract-html';
import { EXTRACTION_RULES, type ExtractionRule } from '../../electron/core/import/formats/extraction-rules';
import { decodeHtml } from '../../electron/core/import/pipeline/decode';
import { articleBenchmark, corpusDir, readabilityPages, type CorpusPage } from './corpus';
import { aggregate, shingleScores, tokenF1 } from './score';
import { textOfHtml } from './text';

const VERBOSE = process.argv.includes('--verbose');
/** Quality only: no ablation, no timing (for working on a rule). */
const QUICK = process.argv.includes('--quick');
const ROUNDS = Number(process.env.LECTERN_BENCH_SPEED_ROUNDS ?? 3);

interface Page extends CorpusPage {
  html: string;
  truth: string;
}

interface Extraction {
  title: string | null;
  siteName: string | null;
  text: string;
}

type Extractor = (page: Page) => Extraction;

const emit = (record: Record<string, unknown>) => console.log(JSON.stringify(record));
const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function readabilityArticle(html: string) {
  try {
    const { document } = parseHTML(html) as unknown as { document: Document };
    return new Readability(document).parse();
  } catch {
    return null;
  }
}

const baseline: Extractor = (page) => {
  const article = readabilityArticle(page.html);
  return {
    title: article?.title ?? null,
    siteName: article?.siteName ?? null,
    text: textOfHtml(article?.content ?? ''),
  };
};

function lectern(without: ReadonlySet<ExtractionRule> = new Set()): Extractor {
  return (page) => {
    try {
      const result = extractHtml(page.html, `${page.name}.html`, { without });
      return { title: result.title, siteName: result.siteName, text: textOfHtml(result.contentHtml) };
    } catch {
      return { title: null, siteName: null, text: '' };
    }
  };
}

function load(pages: CorpusPage[]): Page[] {
  return pages.map((page) => ({
    ...page,
    html: decodeHtml(page.bytes, page.name),
    truth: 'html' in page.expected ? textOfHtml(page.expected.html) : page.expected.text,
  }));
}

function articleScores(pages: Page[], extract: Extractor) {
  const scores = pages.map((page) => shingleScores(page.truth, extract(page).text));
  const mean = aggregate(scores);
  return {
    scores,
    summary: {
      f1: round(mean.f1),
      precision: round(mean.precision),
      recall: round(mean.recall),
      accuracy: round(mean.accuracy),
    },
  };
}

const SEPARATOR = /\s+[|\-–—:·•»]\s+|\s*[|·•»]\s*/;

/** Runs of white space as one space: a title's spacing is not what is scored. */
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The title with the part after its last separator removed, when there is
 * one; applied twice, it removes an author and a site ("… - Ann Lee - Medium").
 */
function withoutSuffix(title: string): string {
  const parts = title.split(SEPARATOR);
  return parts.length > 1
    ? title.slice(0, title.lastIndexOf(parts.at(-1)!)).replace(/[\s|\-–—:·•»]+$/, '')
    : title;
}

function endsWithSiteName(title: string, siteName: string | null | undefined): boolean {
  if (!siteName || title.trim() === siteName.trim()) return false;
  const escaped = siteName.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:\\s[|\\-–—:·•»]|[|·•»])\\s*${escaped}\\s*$`, 'i').test(title);
}

function readabilityScores(pages: Page[], extract: Extractor) {
  const results = pages.map((page) => ({ page, result: extract(page) }));
  const f1 = results.map(({ page, result }) => tokenF1(page.truth, result.text));
  const titled = results.filter(({ page }) => page.expectedTitle);
  const titleOk = titled.filter(({ page, result }) => {
    const expected = collapse(page.expectedTitle!);
    const title = collapse(result.title ?? '');
    const once = withoutSuffix(expected);
    return title === expected || title === once || title === withoutSuffix(once);
  }).length;
  const siteSuffixed = results.filter(({ page, result }) =>
    [result.siteName, page.expectedSiteName].some((site) => endsWithSiteName(result.title ?? '', site)),
  ).length;
  return {
    f1,
    summary: {
      meanTokenF1: round(f1.reduce((a, b) => a + b, 0) / Math.max(1, f1.length)),
      titles: `${titleOk}/${titled.length}`,
      titleShare: round(titleOk / Math.max(1, titled.length)),
      titlesEndingWithSiteName: siteSuffixed,
    },
    titles: results.map(({ page, result }) => ({
      page: page.name,
      title: result.title,
      expected: page.expectedTitle,
      siteName: result.siteName ?? page.expectedSiteName,
    })),
  };
}

function worstLoss(pages: Page[], base: number[], ours: number[]) {
  let worst = { page: '', loss: -Infinity };
  pages.forEach((page, i) => {
    const loss = base[i]! - ours[i]!;
    if (loss > worst.loss) worst = { page: page.name, loss: round(loss) };
  });
  const over2Points = pages.filter((_, i) => base[i]! - ours[i]! > 0.02).map((page) => page.name);
  return { worstLossPage: worst.page, worstLoss: worst.loss, pagesLosingOver2Points: over2Points };
}

function timePass(pages: Page[], extract: Extractor): number {
  const start = performance.now();
  for (const page of pages) extract(page);
  return (performance.now() - start) / pages.length;
}

function timing(pages: Page[]): void {
  const ours = lectern();
  timePass(pages, baseline);
  timePass(pages, ours);
  const base: number[] = [];
  const mine: number[] = [];
  for (let pass = 0; pass < ROUNDS; pass++) {
    base.push(timePass(pages, baseline));
    mine.push(timePass(pages, ours));
  }
  emit({
    bench: 'extraction-time',
    pages: pages.length,
    rounds: ROUNDS,
    readabilityMsPerPage: round(median(base), 2),
    lecternMsPerPage: round(median(mine), 2),
    ratio: round(median(mine) / median(base), 2),
    ratios: base.map((b, i) => round(mine[i]! / b, 2)),
  });
}

function main(): void {
  const dir = corpusDir();
  const labelled = dir ? load(articleBenchmark(dir)) : [];
  const testPages = dir ? load(readabilityPages(dir)) : [];
  if (labelled.length === 0 && testPages.length === 0) {
    emit({
      bench: 'extraction',
      skipped: 'corpus not found: set LECTERN_CORPUS or place it at ../shared/corpus',
    });
    return;
  }
  const base = articleScores(labelled, baseline);
  const ours = articleScores(labelled, lectern());
  const row = (corpus: string, pipeline: string, pages: Page[], figures: object) =>
    emit({ bench: 'extraction', corpus, pipeline, pages: pages.length, ...figures });
  row('article-benchmark', 'readability', labelled, base.summary);
  row('article-benchmark', 'lectern', labelled, ours.summary);
  const baseTest = readabilityScores(testPages, baseline);
  const oursTest = readabilityScores(testPages, lectern());
  row('readability-pages', 'readability', testPages, baseTest.summary);
  row('readability-pages', 'lectern', testPages, {
    ...oursTest.summary,
    ...worstLoss(testPages, baseTest.f1, oursTest.f1),
  });
  if (VERBOSE) {
    const rows = labelled.map((page, i) => ({
      page: page.name.slice(0, 12),
      url: page.url,
      precision: round(ours.scores[i]!.precision),
      recall: round(ours.scores[i]!.recall),
      baselinePrecision: round(base.scores[i]!.precision),
      baselineRecall: round(base.scores[i]!.recall),
    }));
    rows.sort((a, b) => Math.min(a.precision, a.recall) - Math.min(b.precision, b.recall));
    for (const row of rows.slice(0, 25)) emit({ bench: 'extraction-page', ...row });
    for (const row of oursTest.titles) emit({ bench: 'extraction-title', ...row });
  }
  if (QUICK) return;
  for (const rule of EXTRACTION_RULES) {
    const without = new Set<ExtractionRule>([rule]);
    const article = articleScores(labelled, lectern(without)).summary;
    const test = readabilityScores(testPages, lectern(without));
    emit({
      bench: 'extraction-ablation',
      without: rule,
      f1: article.f1,
      precision: article.precision,
      recall: article.recall,
      testPagesMeanTokenF1: test.summary.meanTokenF1,
      testPagesWorstLoss: worstLoss(testPages, baseTest.f1, test.f1).worstLoss,
    });
  }
  timing([...labelled, ...testPages]);
}

main();
