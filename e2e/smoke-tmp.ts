import { chromium } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBackend } from './support/backend';
import { dropFiles } from './support/drop';
import { pointAt } from './support/reader';
import { readerPage } from './fixtures/reader-article';

const dir = await mkdtemp(join(tmpdir(), 'smoke-'));
const backend = await startBackend(dir);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(backend.url);
await dropFiles(page, [{ name: 'tides.html', mimeType: 'text/html', content: readerPage() }]);
await page
  .getByRole('link', { name: /Tidal Islands/ })
  .first()
  .click();
await page.getByTestId('article-content').waitFor();
await page.waitForTimeout(300);
const caret = await pointAt(page, 'Cross only', 'start');
await page.mouse.click(caret.x - 1, caret.y);
console.log(
  'after click',
  await page.evaluate(() => {
    const s = getSelection();
    return [s?.type, s?.anchorNode?.nodeValue, s?.anchorOffset];
  }),
);
await page.keyboard.press('Shift+End');
console.log('after shift+end', await page.evaluate(() => getSelection()?.toString()));
await page.keyboard.press('Shift+ArrowDown');
console.log('after down', await page.evaluate(() => getSelection()?.toString()));
await page.waitForTimeout(300);
await page.screenshot({ path: '/tmp/shots/kb.png' });
await browser.close();
await backend.stop();
