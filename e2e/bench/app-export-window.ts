/**
 * `npm run bench` (the window during an import from another app): the
 * generated Pocket export of 20,000 items (pocket-export.ts) chosen in a
 * Chromium window on the browser shell, with an empty library. The page
 * records the gap between every two animation frames while the import
 * runs, from the moment the file is chosen until its report shows.
 *
 * - baseline: the same window, idle, for as long: the frames the machine
 *   gives a page that has nothing to do;
 * - import: the longest frame during the import, how many went over 100 ms
 *   (the target: none), the seconds until the report shows, and the
 *   backend's peak resident memory, sampled every 100 ms.
 *
 * LECTERN_BENCH_EXPORT_ITEMS changes the size. Printed as JSON lines;
 * figures on a loaded machine are rough.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { findChromium } from '../../electron/host/find-chromium';
import { startBackend } from '../support/backend';
import { pocketZip } from './pocket-export';

const ITEMS = Number(process.env.LECTERN_BENCH_EXPORT_ITEMS ?? 20_000);
const LONG_FRAME_MS = 100;

const emit = (record: Record<string, unknown>) =>
  console.log(JSON.stringify({ bench: 'app-export-window', ...record }));
const ms = (value: number) => Number(value.toFixed(1));

interface Frames {
  count: number;
  longestMs: number;
  over100: number;
}

/**
 * Starts recording frame gaps in the page. A string, not a function: the
 * bench runs through tsx, whose helpers a function would carry into the page.
 */
const RECORD_FRAMES = `{
  const frames = { gaps: [], last: performance.now(), on: true };
  window.benchFrames = frames;
  const tick = (now) => {
    frames.gaps.push(now - frames.last);
    frames.last = now;
    if (frames.on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}`;

async function recordFrames(page: Page): Promise<void> {
  await page.evaluate(RECORD_FRAMES);
}

async function stopFrames(page: Page): Promise<Frames> {
  const gaps = (await page.evaluate('window.benchFrames.on = false; window.benchFrames.gaps')) as number[];
  return {
    count: gaps.length,
    longestMs: ms(Math.max(0, ...gaps)),
    over100: gaps.filter((gap) => gap > LONG_FRAME_MS).length,
  };
}

async function rssOf(pid: number | undefined): Promise<number> {
  if (!pid || !existsSync(`/proc/${pid}`)) return 0;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) {
    emit({ step: 'import', skipped: 'no Chromium found' });
    return;
  }
  const work = await mkdtemp(join(tmpdir(), 'lectern-bench-export-window-'));
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  const backend = await startBackend(join(work, 'library'));
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(backend.url);
    await page.getByRole('button', { name: 'Import from another app…' }).first().waitFor();
    const zip = Buffer.from(pocketZip(ITEMS));

    let peak = await rssOf(backend.pid);
    const sampler = setInterval(() => {
      void rssOf(backend.pid).then((rss) => (peak = Math.max(peak, rss)));
    }, 100);
    await page.getByRole('button', { name: 'Import from another app…' }).first().click();
    await page.getByTestId('app-import-chooser').waitFor();
    await recordFrames(page);
    const start = performance.now();
    await page
      .getByTestId('app-import-file')
      .setInputFiles({ name: 'pocket.zip', mimeType: '', buffer: zip });
    await page
      .getByTestId('app-import-report')
      .getByText('Imported from Pocket')
      .waitFor({ timeout: 30 * 60_000 });
    const importMs = performance.now() - start;
    const during = await stopFrames(page);
    clearInterval(sampler);

    await page.reload();
    await page.getByRole('button', { name: 'Import from another app…' }).first().waitFor();
    await recordFrames(page);
    await new Promise((resolve) => setTimeout(resolve, Math.min(importMs, 20_000)));
    const idle = await stopFrames(page);
    emit({ step: 'baseline-idle', seconds: ms(Math.min(importMs, 20_000) / 1000), ...idle });
    emit({
      step: 'import',
      items: ITEMS,
      seconds: ms(importMs / 1000),
      ...during,
      peakRssMb: Math.round(peak / 1024 / 1024),
      target: `no frame over ${LONG_FRAME_MS} ms, backend under 400 MB`,
      metFrames: during.over100 === 0,
    });
  } finally {
    await backend.stop();
    await browser.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
