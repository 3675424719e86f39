/**
 * Imported pages are hostile (DESIGN.md section 5). A page carrying scripts,
 * handlers, javascript: links, srcdoc frames, SVG and MathML payloads, a meta
 * refresh, a base href, forms and remote resources is imported and read; a
 * library file edited by hand to carry the same payloads is opened too. In
 * both, nothing runs (the canary stays unset and no dialog opens), no request
 * leaves for any host but Lectern's own, and the window stays on the article.
 * The edited file is opened twice: cleaned by the browser's Sanitizer API and
 * by the DOMPurify fallback used where a browser has no Sanitizer API
 * (Chromium before 146, Safari; the desktop app's Chromium 156 has it).
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/lectern';
import { dropFiles } from './support/drop';
import { HOSTILE_TITLE, hostilePage, PAYLOADS } from './fixtures/hostile';

interface Watch {
  foreign: string[];
  dialogs: string[];
}

/** Records (and stops) every request in the window's context that is not for Lectern's own address. */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { foreign: [], dialogs: [] };
  const own = new URL(page.url()).host;
  await page.context().route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.host === own || url.protocol === 'data:' || url.protocol === 'blob:';
    if (local) return route.continue();
    seen.foreign.push(url.href);
    return route.abort('blockedbyclient');
  });
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return seen;
}

async function canaries(page: Page): Promise<unknown[]> {
  const values: unknown[] = [];
  for (const frame of page.frames()) {
    values.push(
      await frame
        .evaluate(() => (window as { __lecternCanary?: unknown }).__lecternCanary)
        .catch(() => undefined),
    );
  }
  return values.filter((value) => value !== undefined);
}

/** Pokes at everything a person might touch in the article. */
async function touchEverything(page: Page): Promise<void> {
  const content = page.getByTestId('article-content');
  await content.getByText('This paragraph carries click and hover handlers').hover();
  await content.getByText('This paragraph carries click and hover handlers').click();
  const before = page.url();
  await content.getByText('Read the javascript link').click();
  await content.getByText('Another way to say javascript').click();
  expect(page.url()).toBe(before);
  const svgLink = content.getByText('An SVG link');
  if (await svgLink.count()) await svgLink.click();
  expect(page.url()).toBe(before);
}

async function expectNothingRan(page: Page, seen: Watch, articleUrl: string): Promise<void> {
  // A meta refresh would fire after its delay; give it the time it asks for, then look.
  await page.waitForTimeout(1500);
  expect(new URL(page.url()).host).toBe(new URL(articleUrl).host);
  expect(page.url()).toBe(articleUrl);
  expect(await canaries(page)).toEqual([]);
  expect(seen.dialogs).toEqual([]);
  expect(seen.foreign).toEqual([]);
  // The sanitizer removed every frame, so the only frame is the app itself.
  expect(page.frames()).toHaveLength(1);
}

test('an imported hostile page runs nothing and fetches nothing', async ({ lectern }) => {
  const page = lectern.page;
  const seen = await watch(page);
  await dropFiles(page, [{ name: 'quiet-water.html', mimeType: 'text/html', content: hostilePage() }]);
  const article = page
    .getByRole('list', { name: 'Articles' })
    .getByRole('link', { name: new RegExp(HOSTILE_TITLE) });
  await expect(article).toBeVisible();
  await article.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE_TITLE);
  const content = page.getByTestId('article-content');
  await expect(content).toContainText('Canal towns keep their history in the water');
  await expect(
    content.locator('script, iframe, object, embed, form, input, button, style, link, meta'),
  ).toHaveCount(0);
  await expect(content.locator('[onclick], [onerror], [onload], [onmouseover], [srcdoc]')).toHaveCount(0);
  await expect(content.locator('a[href^="javascript"]')).toHaveCount(0);

  const articleUrl = page.url();
  await touchEverything(page);
  await expectNothingRan(page, seen, articleUrl);
});

for (const withoutSanitizerApi of [false, true]) {
  const how = withoutSanitizerApi ? ', cleaned by DOMPurify where the browser has no Sanitizer API' : '';
  test(`a library file edited to carry payloads runs nothing when opened${how}`, async ({ lectern }) => {
    await dropFiles(lectern.page, [
      { name: 'quiet-water.html', mimeType: 'text/html', content: hostilePage() },
    ]);
    await expect(lectern.page.getByRole('list', { name: 'Articles' }).getByRole('link')).toHaveCount(1);
    // The library is an open folder: anyone can put raw HTML into content.html.
    const [id] = await readdir(join(lectern.libraryDir, 'articles'));
    await writeFile(
      join(lectern.libraryDir, 'articles', id as string, 'content.html'),
      `<h1>${HOSTILE_TITLE}</h1><p>Restoration began with volunteers, edited by hand.</p>${PAYLOADS}<p><a href="relative/page.html">A relative link that the base would send away</a></p>`,
    );

    const page = await lectern.restart();
    if (withoutSanitizerApi) {
      // As in a browser older than Element.setHTML: the reader falls back to DOMPurify there.
      await page.addInitScript(() => {
        delete (Element.prototype as { setHTML?: unknown }).setHTML;
        delete (globalThis as { Sanitizer?: unknown }).Sanitizer;
      });
      await page.reload();
      expect(await page.evaluate(() => 'setHTML' in Element.prototype)).toBe(false);
    }
    const seen = await watch(page);
    await page.getByRole('list', { name: 'Articles' }).getByRole('link').click();
    const content = page.getByTestId('article-content');
    await expect(content).toContainText('edited by hand');
    await expect(content.locator('script, iframe, object, embed, form, style, link, meta')).toHaveCount(0);

    const articleUrl = page.url();
    await touchEverything(page);
    // Kept by hand in the file, a relative link resolves nowhere: clicking it opens nothing.
    await content.getByText('A relative link that the base would send away').click();
    await expectNothingRan(page, seen, articleUrl);
  });
}
