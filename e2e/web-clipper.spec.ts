/**
 * The web clipper end to end: Chromium with the built extension, Lectern's
 * browser shell on a temporary library with its clip endpoint on the default
 * port, and a local site whose article a script writes after load, with an
 * image only the page's cookie unlocks, lazy and responsive images and a
 * 5 MB page, and a page with nothing to read. The popup is driven as
 * `popup.html?tab=<id>`, the same code the
 * toolbar button opens. The clip endpoint's port is the one fixed port every
 * browser tries first, so this spec runs alone (serial, one Lectern at a time).
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { ArticleMeta } from '../electron/shared/article';
import { CLIP_PORT } from '../electron/shared/clip-protocol';
import { startBackend, type RunningBackend } from './support/backend';
import { launchWithExtension, type ExtensionBrowser } from './support/extension-browser';
import {
  FRAME_TEXT,
  IMAGES,
  NOTHING_TO_READ,
  SCRIPT_TEXT,
  SHADOW_TEXT,
  startClipSite,
  type ClipSite,
} from './support/extension-site';
import { expect, test } from './support/lectern';
import { highlightText, notebook } from './support/reader';

test.describe.configure({ mode: 'serial', timeout: 300_000 });

interface Stored {
  meta: ArticleMeta;
  content: string;
  assets: Buffer[];
}

async function storedArticles(libraryDir: string): Promise<Stored[]> {
  const root = join(libraryDir, 'articles');
  const ids = await readdir(root).catch(() => [] as string[]);
  return Promise.all(
    ids.map(async (id) => {
      const folder = join(root, id);
      const assetNames = await readdir(join(folder, 'assets')).catch(() => [] as string[]);
      return {
        meta: JSON.parse(await readFile(join(folder, 'article.json'), 'utf8')) as ArticleMeta,
        content: await readFile(join(folder, 'content.html'), 'utf8').catch(() => ''),
        assets: await Promise.all(assetNames.map((name) => readFile(join(folder, 'assets', name)))),
      };
    }),
  );
}

async function storedWithUrl(libraryDir: string, url: string): Promise<Stored[]> {
  return (await storedArticles(libraryDir)).filter((article) => article.meta.url === url);
}

/** Lectern's browser shell with its clip endpoint where the extension looks first. */
async function startLectern(libraryDir: string): Promise<RunningBackend> {
  const started = await startBackend(libraryDir, { clipPort: 'default' });
  expect(started.clipUrl).toBe(`http://127.0.0.1:${CLIP_PORT}`);
  return started;
}

let lecternWindow: BrowserContext | undefined;

/** Lectern's window; its open event stream would hold the backend's shutdown, so it closes first. */
async function openLectern(browser: Browser, backend: RunningBackend): Promise<Page> {
  lecternWindow = await browser.newContext();
  const page = await lecternWindow.newPage();
  await page.goto(backend.url);
  return page;
}

async function stopLectern(): Promise<void> {
  await lecternWindow?.close();
  lecternWindow = undefined;
  await backend?.stop();
}

async function openStory(clipper: ExtensionBrowser, site: ClipSite, title: string): Promise<Page> {
  const page = await clipper.context.newPage();
  await page.goto(site.url(`/story/${encodeURIComponent(title)}`));
  await expect(page.getByText(SCRIPT_TEXT)).toBeVisible();
  await expect(page.frameLocator('iframe').getByText(FRAME_TEXT)).toBeVisible();
  return page;
}

async function savePage(
  clipper: ExtensionBrowser,
  page: Page,
  button = 'Save page',
  timeout = 60_000,
): Promise<Page> {
  const popup = await clipper.openPopup(page);
  await popup.getByRole('button', { name: button, exact: true }).click();
  await expect(popup.getByTestId('clip-result')).toBeVisible({ timeout });
  return popup;
}

let libraryDir = '';
let site: ClipSite;
let clipper: ExtensionBrowser;
let backend: RunningBackend;

test.beforeAll(async () => {
  libraryDir = await mkdtemp(join(tmpdir(), 'lectern-clipper-e2e-'));
  site = await startClipSite();
  backend = await startLectern(libraryDir);
  clipper = await launchWithExtension();
});

test.afterAll(async () => {
  await clipper?.close();
  await stopLectern();
  await site?.close();
  await rm(libraryDir, { recursive: true, force: true });
});

test('pairs once, then saves a page as rendered with the images behind its cookie', async ({ browser }) => {
  const lectern = await openLectern(browser, backend);
  const story = await openStory(clipper, site, 'Tide Tables Rewritten');

  const popup = await clipper.openPopup(story);
  await popup.getByRole('button', { name: 'Connect to Lectern' }).click();
  const code = (await popup.getByTestId('pairing-code').innerText()).trim();
  expect(code).toMatch(/^\S{6}$/);
  const question = lectern.getByRole('dialog');
  await expect(question).toContainText(code);
  await question.getByRole('button', { name: 'Allow' }).click();

  await popup.getByLabel('Tags').fill('harbour');
  await popup.getByLabel('Tags').press('Enter');
  await popup.getByLabel('Note').fill('Clipped from the browser');
  await popup.getByRole('button', { name: 'Save page', exact: true }).click();
  await expect(popup.getByTestId('clip-result')).toContainText('Saved — Open in Lectern', {
    timeout: 60_000,
  });
  await expect(lectern.getByRole('status').filter({ hasText: 'Added to your library' })).toBeVisible();

  const [saved] = await storedWithUrl(libraryDir, story.url());
  expect(saved?.content).toContain(SCRIPT_TEXT);
  expect(saved?.content).toContain(SHADOW_TEXT);
  expect(saved?.content).toContain(FRAME_TEXT);
  // The canvas arrives as a picture of its own: a PNG that is none of the site's images.
  const served = Object.values(IMAGES).map((bytes) => Buffer.from(bytes));
  const drawn = saved?.assets.filter(
    (asset) => asset.subarray(1, 4).toString() === 'PNG' && !served.some((image) => image.equals(asset)),
  );
  expect(drawn).toHaveLength(1);
  expect(saved?.meta.tags).toEqual(['harbour']);
  expect(saved?.meta.note).toBe('Clipped from the browser');
  const stored = (path: keyof typeof IMAGES) =>
    saved?.assets.some((asset) => asset.equals(Buffer.from(IMAGES[path])));
  expect(stored('/members/tide-chart.png')).toBe(true);
  expect(stored('/lazy/harbour.png')).toBe(true);
  expect(stored('/srcset/large.png')).toBe(true);
  expect(stored('/cropped/lighthouse.png')).toBe(true);
  expect(site.imageRequests).toContainEqual({ path: '/members/tide-chart.png', withCookie: true });

  // A highlight on the clip, in Lectern's window.
  await lectern
    .getByRole('list', { name: 'Articles' })
    .getByRole('link', { name: /Tide Tables Rewritten/ })
    .click();
  await expect(lectern.getByTestId('article-content')).toContainText(SCRIPT_TEXT);
  await highlightText(lectern, 'written by the page', 'after it loaded', 'yellow');
  await expect(notebook(lectern).getByTestId('notebook-entry')).toHaveCount(1);
});

test('clips made while Lectern is closed wait in the browser and arrive once each', async ({ browser }) => {
  await stopLectern();
  const before = (await storedArticles(libraryDir)).length;
  const first = await openStory(clipper, site, 'Queued While Closed One');
  const second = await openStory(clipper, site, 'Queued While Closed Two');
  for (const page of [first, second]) {
    const popup = await savePage(clipper, page);
    await expect(popup.getByTestId('clip-result')).toContainText('Lectern is not running');
    await popup.close();
  }
  const waiting = () => clipper.waiting();
  expect(await waiting()).toBe(2);

  backend = await startLectern(libraryDir);
  await openLectern(browser, backend);
  // Opening the popup asks Lectern again at once, as the timer would within half a minute.
  await clipper.openPopup(first);
  await expect.poll(waiting, { timeout: 60_000 }).toBe(0);
  for (const page of [first, second]) {
    expect(await storedWithUrl(libraryDir, page.url())).toHaveLength(1);
  }
  // A timer tick later nothing is sent again.
  await clipper.openPopup(second);
  await expect.poll(async () => (await storedArticles(libraryDir)).length).toBe(before + 2);
});

test('opens a saved clip in the browser shell from the popup’s link', async () => {
  // A person reading in the browser shell holds its cookie in the browser they clip from.
  const shellTab = await clipper.context.newPage();
  await shellTab.goto(backend.url);
  const story = await openStory(clipper, site, 'Opened From The Popup');
  const popup = await savePage(clipper, story);
  await expect(popup.getByTestId('clip-result')).toContainText('Saved — Open in Lectern');
  const link = popup.getByRole('link', { name: 'Open in Lectern' });
  const origin = new URL(backend.url).origin;
  const [saved] = await storedWithUrl(libraryDir, story.url());
  await expect(link).toHaveAttribute('href', `${origin}/#/article/${saved?.meta.id}`);

  const [opened] = await Promise.all([clipper.context.waitForEvent('page'), link.click()]);
  await expect(opened.getByTestId('article-content')).toContainText(SCRIPT_TEXT);
  // Their event streams would hold Lectern's shutdown in the next test.
  await opened.close();
  await shellTab.close();
});

test('a queued clip Lectern refuses stays listed with the reason until retried or discarded', async ({
  browser,
}) => {
  await stopLectern();
  const empty = await clipper.context.newPage();
  await empty.goto(site.url('/nothing'));
  const queued = await savePage(clipper, empty);
  await expect(queued.getByTestId('clip-result')).toContainText('Lectern is not running');
  await queued.close();
  expect(await clipper.waiting()).toBe(1);

  backend = await startLectern(libraryDir);
  await openLectern(browser, backend);
  // Opening the popup offers the clip at once; Lectern finds nothing to read in it.
  const popup = await clipper.openPopup(empty);
  const refused = popup.getByTestId('refused-clip');
  await expect(refused).toContainText(NOTHING_TO_READ, { timeout: 60_000 });
  await expect(refused).toContainText('no text that Lectern could find to read');
  expect(await clipper.badge()).toBe('!');
  expect(await clipper.waiting()).toBe(1);

  await refused.getByRole('button', { name: 'Retry' }).click();
  await expect(popup.getByTestId('clip-result')).toContainText('no text that Lectern could find to read', {
    timeout: 60_000,
  });
  await expect(refused).toHaveCount(1);

  await refused.getByRole('button', { name: 'Discard' }).click();
  await expect(refused).toHaveCount(0);
  expect(await clipper.waiting()).toBe(0);
  expect(await clipper.badge()).toBe('');
  expect(await storedWithUrl(libraryDir, empty.url())).toEqual([]);
  await popup.close();
});

test('clips made after the pairing was revoked wait, say why, and arrive once paired again', async ({
  browser,
}) => {
  const lectern = lecternWindow?.pages()[0] as Page;
  await lectern.goto(`${backend.url}#/settings`);
  await lectern.getByRole('button', { name: 'Revoke' }).click();
  await expect(lectern.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
  await stopLectern();

  const story = await openStory(clipper, site, 'Clipped After Revoking');
  const queued = await savePage(clipper, story);
  await expect(queued.getByTestId('clip-result')).toContainText('Lectern is not running');
  await queued.close();

  backend = await startLectern(libraryDir);
  const window = await openLectern(browser, backend);
  const popup = await clipper.openPopup(story);
  await expect(popup.getByTestId('unpaired-reason')).toContainText('revoked', { timeout: 60_000 });
  await expect(popup.getByTestId('waiting')).toContainText('1 clip waits');
  expect(await storedWithUrl(libraryDir, story.url())).toEqual([]);

  await popup.getByRole('button', { name: 'Connect to Lectern' }).click();
  await window.getByRole('dialog').getByRole('button', { name: 'Allow' }).click();
  await expect
    .poll(async () => (await storedWithUrl(libraryDir, story.url())).length, { timeout: 60_000 })
    .toBe(1);
  await expect.poll(() => clipper.waiting()).toBe(0);
});

test('saves a selection, a link and a 5 MB page', async () => {
  const story = await openStory(clipper, site, 'Selected Lines');
  await story.evaluate(() => {
    const paragraph = document.querySelector('#story p') as HTMLElement;
    getSelection()?.selectAllChildren(paragraph);
  });
  const selectionPopup = await savePage(clipper, story, 'Save selection');
  await expect(selectionPopup.getByTestId('clip-result')).toContainText('Saved — Open in Lectern');
  const [selection] = await storedWithUrl(libraryDir, story.url());
  expect(selection?.content).toContain(SCRIPT_TEXT);
  expect(selection?.content).not.toContain('wrote letters about it');

  // The message "Save link to Lectern" in a link's context menu sends (menus cannot be clicked here).
  const linked = site.url('/linked');
  const answer = await clipper.callFromPopup(selectionPopup, {
    call: 'save-link',
    tabId: await clipper.tabIdOf(story),
    url: linked,
    title: 'the story of the old ferry',
    options: { tags: [], state: 'archive', note: '' },
  });
  expect(answer).toMatchObject({ status: 'saved' });
  await expect.poll(async () => (await storedWithUrl(libraryDir, linked)).length).toBe(1);
  expect((await storedWithUrl(libraryDir, linked))[0]?.meta.status).toBe('archived');

  const long = await clipper.context.newPage();
  await long.goto(site.url('/long'));
  // Lectern extracts the whole 5 MB on an import worker before it answers, within the
  // worker's 20 s per-file limit: on a machine loaded far past its cores it can run over.
  const longPopup = await savePage(clipper, long, 'Save page', 240_000);
  await expect(longPopup.getByTestId('clip-result')).toContainText('Saved — Open in Lectern');
  await expect.poll(async () => (await storedWithUrl(libraryDir, long.url())).length).toBe(1);
});
