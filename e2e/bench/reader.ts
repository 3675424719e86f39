/**
 * `npm run bench` (reader part): how long a long article takes to show all
 * its highlights, measured in Chromium through Playwright against the real
 * backend, printed as JSON lines.
 *
 * The article is generated: 30,000 words in 600 paragraphs with headings,
 * emphasis and lists. Three copies are stored: one without highlights (the
 * baseline: sanitizing and laying out the same HTML) and two with 500
 * highlights spread through them. The reader marks when the content arrives
 * from the backend and when the first frame with every highlight painted has
 * been produced (ReaderView.svelte, `lectern:open`).
 *
 * Articles are opened the way a person opens them: the window shows the
 * library, and the article's row is clicked. Each run is a fresh window
 * (nothing cached, nothing compiled yet): the first article opened there is
 * the figure the target is about; then two more openings in the same window
 * (back to the list, the other copy, back, the first again) show what every
 * later opening costs. A third way opens a fresh window straight at the
 * article's address, before the library has ever been shown: the slowest
 * case, which the desktop app never takes (it always starts at the library),
 * but a link into the browser shell does. The first WARMUP runs of each way are
 * untimed.
 *
 * What the mark covers: sanitizing the HTML and putting it in the page,
 * building the text model, anchoring and registering every highlight (all
 * 500 are checked as registered below), restoring the reading place, and
 * one frame (style, layout and paint of what is in view) after all of that.
 * What it leaves out, on purpose: fetching the article (before the content
 * arrives), and the work done just after that frame: focusing the title and
 * rendering the notebook's list (the panel itself is in the frame). Blocks
 * out of view are laid out when they come near it (content-visibility), so
 * the frame holds the text and highlights in view, not a layout of the
 * whole article. The article opens at its top (progress 0); reopening further
 * down adds a forced layout and corrections over the next frames.
 *
 * The first opening is also timed with the browser's Sanitizer API taken
 * away, as in a browser without it (Chromium before 146, Safari), where the
 * reader cleans the article with DOMPurify instead. The desktop app's
 * Chromium (156, in Electron 45.3) has the API.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { parseHTML } from 'linkedom';
import { describeTarget } from '../../electron/shared/anchoring/anchor';
import { TextIndex, type TextModelNode } from '../../electron/shared/anchoring/text-model';
import { HIGHLIGHT_COLORS, type Highlight } from '../../electron/shared/annotation';
import { articleFields } from '../../electron/shared/testing/article-meta';
import { findChromium } from '../../electron/host/find-chromium';
import { Library } from '../../electron/core/library/library';
import { startBackend } from '../support/backend';

const WORDS = 30_000;
const HIGHLIGHTS = 500;
const RUNS = 15;
const WARMUP = 2;
const TARGET_MS = 150;

const VOCABULARY =
  'tide harbour lantern keeper causeway silt channel shingle gull ledger weather north current driftwood parish ferry island ration morning storm'.split(
    ' ',
  );

function articleHtml(): string {
  const parts: string[] = [];
  let words = 0;
  for (let p = 0; words < WORDS; p++) {
    if (p % 40 === 0) parts.push(`<h2>Part ${p / 40 + 1}</h2>`);
    const sentence = Array.from({ length: 50 }, (_, i) => VOCABULARY[(p * 7 + i * 3) % VOCABULARY.length]);
    sentence[5] = `<em>${sentence[5]}</em>`;
    words += sentence.length;
    parts.push(p % 25 === 0 ? `<ul><li>${sentence.join(' ')}.</li></ul>` : `<p>${sentence.join(' ')}.</p>`);
  }
  return parts.join('\n');
}

function highlightsOver(html: string): Highlight[] {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  const { text } = new TextIndex(document.getElementById('root') as unknown as TextModelNode);
  const step = Math.floor(text.length / HIGHLIGHTS);
  const now = new Date().toISOString();
  return Array.from({ length: HIGHLIGHTS }, (_, i) => ({
    id: `bench-${String(i).padStart(4, '0')}`,
    color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length] as Highlight['color'],
    note: i % 10 === 0 ? 'A note.' : '',
    createdAt: now,
    updatedAt: now,
    target: describeTarget(text, i * step + 3, i * step + 3 + 120),
  }));
}

/**
 * Waits for the opening under way to produce its mark, checks that every
 * highlight was registered, and returns the time; the marks are then cleared
 * for the next opening in the same window.
 */
async function timedOpening(page: Page, count: number): Promise<number> {
  // Anonymous functions only: tsx's helper for named ones does not exist in the page.
  const handle = await page.waitForFunction(
    () => performance.getEntriesByName('lectern:open')[0]?.duration,
    undefined,
    { polling: 20 },
  );
  const ms = (await handle.jsonValue()) as number;
  const painted = await page.evaluate(() =>
    ['yellow', 'green', 'blue', 'pink', 'purple'].reduce(
      (sum, color) => sum + (CSS.highlights.get(`lectern-${color}`)?.size ?? 0),
      0,
    ),
  );
  if (painted !== count) throw new Error(`${painted} highlights painted, expected ${count}`);
  await page.evaluate(() => {
    performance.clearMarks();
    performance.clearMeasures();
  });
  return ms;
}

/**
 * Resolves once the window has nothing left to do, as when a person reads a
 * moment before the next click (requestIdleCallback, at most two seconds).
 */
async function idle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestIdleCallback(() => resolve(null), { timeout: 2000 })),
  );
}

/** Clicks the article's row in the list shown, once the window is idle, and times the opening. */
async function openRow(page: Page, title: string, count: number): Promise<number> {
  const row = page
    .getByRole('list', { name: 'Articles' })
    .getByRole('link', { name: new RegExp(`^${title}`) });
  await row.waitFor();
  await idle(page);
  await row.click();
  return timedOpening(page, count);
}

/** A fresh window at the library, then the article opened from its row. */
async function openFromLibrary(page: Page, url: string, title: string, count: number): Promise<number> {
  await page.goto(`${url}#/`);
  return openRow(page, title, count);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.log(JSON.stringify({ bench: 'reader-open', skipped: 'no Chromium found' }));
    return;
  }
  const libraryDir = await mkdtemp(join(tmpdir(), 'lectern-bench-reader-'));
  try {
    const library = await Library.open(libraryDir);
    const html = articleHtml();
    const article = (title: string) => ({
      fields: articleFields(title, { wordCount: WORDS }),
      html,
      source: { kind: 'html' as const, name: 'bench.html', sha256: '0'.repeat(64) },
      assets: [],
      original: { bytes: new TextEncoder().encode(html), extension: 'html' },
    });
    await library.add(article('Without highlights'));
    const marked = await library.add(article('With highlights'));
    const copy = await library.add({
      ...article('Also with highlights'),
      source: { kind: 'html' as const, name: 'copy.html', sha256: '1'.repeat(64) },
    });
    const highlights = highlightsOver(html);
    for (const { id } of [marked, copy]) {
      await library.update(id, (meta) => {
        meta.highlights = highlights;
      });
    }

    const backend = await startBackend(libraryDir);
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const ways: [string, (page: Page) => Promise<number[]>, boolean?][] = [
        [
          'baseline: same article, no highlights, first opened from the library',
          async (page) => [await openFromLibrary(page, backend.url, 'Without highlights', 0)],
        ],
        [
          'lectern: 500 highlights, first opened from the library',
          async (page) => [await openFromLibrary(page, backend.url, 'With highlights', HIGHLIGHTS)],
        ],
        [
          'lectern: 500 highlights, later openings in the same window',
          async (page) => {
            await openFromLibrary(page, backend.url, 'With highlights', HIGHLIGHTS);
            const later: number[] = [];
            for (const title of ['Also with highlights', 'With highlights']) {
              await idle(page);
              await page.keyboard.press('Escape');
              later.push(await openRow(page, title, HIGHLIGHTS));
            }
            return later;
          },
        ],
        [
          'lectern: 500 highlights, fresh window straight at the article',
          async (page) => {
            await page.goto(`${backend.url}#/article/${marked.id}`);
            return [await timedOpening(page, HIGHLIGHTS)];
          },
        ],
        [
          'lectern: 500 highlights, first opened from the library, DOMPurify (a browser without the Sanitizer API)',
          async (page) => [await openFromLibrary(page, backend.url, 'With highlights', HIGHLIGHTS)],
          true,
        ],
      ];
      for (const [variant, measure, withoutSanitizerApi] of ways) {
        const times: number[] = [];
        for (let run = 0; run < RUNS + WARMUP; run++) {
          const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
          if (withoutSanitizerApi) {
            await page.addInitScript(() => {
              delete (Element.prototype as { setHTML?: unknown }).setHTML;
              delete (globalThis as { Sanitizer?: unknown }).Sanitizer;
            });
          }
          const ms = await measure(page);
          if (run >= WARMUP) times.push(...ms);
          await page.close();
        }
        console.log(
          JSON.stringify({
            bench: 'reader-open',
            variant,
            words: WORDS,
            highlights: variant.startsWith('baseline') ? 0 : HIGHLIGHTS,
            openings: times.length,
            medianMs: Number(median(times).toFixed(1)),
            maxMs: Number(Math.max(...times).toFixed(1)),
            targetMs: TARGET_MS,
          }),
        );
      }
    } finally {
      await browser.close();
      await backend.stop();
    }
  } finally {
    await rm(libraryDir, { recursive: true, force: true });
  }
}

await main();
