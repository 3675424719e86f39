import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/lectern';
import { dragFilesOver, dropFiles } from './support/drop';
import { GARDEN_CLIP, LIGHTHOUSE_PARAGRAPHS, lighthousePage } from './fixtures/pages';

test('a dropped page and clip are read, and still there after a restart', async ({ lectern }) => {
  let page = lectern.page;
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();

  const drag = await dragFilesOver(page, [
    { name: 'skerry-light.html', mimeType: 'text/html', content: lighthousePage() },
    { name: 'winter-garden.txt', mimeType: 'text/plain', content: GARDEN_CLIP },
  ]);
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await drag.drop();
  await expect(page.getByTestId('drop-overlay')).toBeHidden();

  const articles = page.getByRole('list', { name: 'Articles' }).getByRole('link');
  await expect(articles).toHaveCount(2);
  const lighthouse = articles.filter({ hasText: 'The Logbooks of the Skerry Light' });
  await expect(lighthouse).toContainText('Coastal Review');
  await expect(lighthouse).toContainText('1 min read');
  await expect(lighthouse).toContainText('Added today');
  // A file with no site says what it is where a site would be, not its file name.
  const garden = articles.filter({ hasText: 'Notes on a Winter Garden' });
  await expect(garden).toContainText('Text file');
  await expect(garden).not.toContainText('winter-garden.txt');

  await lighthouse.click();
  const content = page.getByTestId('article-content');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Logbooks of the Skerry Light');
  await expect(page.getByText('Mairi Sutherland')).toBeVisible();
  for (const paragraph of LIGHTHOUSE_PARAGRAPHS) await expect(content).toContainText(paragraph);
  await expect(content).not.toContainText('Subscribe');
  expect(
    await page.evaluate(() => (window as { __pageScriptRan?: boolean }).__pageScriptRan),
  ).toBeUndefined();

  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  await expect(lighthouse).toBeFocused();

  page = await lectern.restart();
  const afterRestart = page.getByRole('list', { name: 'Articles' }).getByRole('link');
  await expect(afterRestart).toHaveCount(2);
  await afterRestart.filter({ hasText: 'Notes on a Winter Garden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notes on a Winter Garden');
  await expect(page.getByTestId('article-content')).toContainText(
    'the seed heads left standing for the birds',
  );

  const folders = await readdir(join(lectern.libraryDir, 'articles'));
  expect(folders).toHaveLength(2);
  for (const folder of folders) {
    const files = await readdir(join(lectern.libraryDir, 'articles', folder));
    expect(files.sort()).toEqual(expect.arrayContaining(['article.json', 'assets', 'content.html']));
    expect(files.some((file) => file.startsWith('original.'))).toBe(true);
  }
});

test('an article appears in every open window without a reload', async ({ lectern }) => {
  const other = await lectern.page.context().newPage();
  await other.goto(lectern.page.url());
  await dropFiles(lectern.page, [{ name: 'clip.txt', mimeType: 'text/plain', content: GARDEN_CLIP }]);
  await expect(other.getByRole('link', { name: /Notes on a Winter Garden/ })).toBeVisible();
});

test('a window whose event stream was down catches up once it is back', async ({ lectern }) => {
  const other = await lectern.page.context().newPage();
  // The other window's stream cannot connect, as while its backend restarts.
  await other.route('**/api/events', (route) => route.abort());
  await other.goto(lectern.page.url());
  await expect(other.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();

  await dropFiles(lectern.page, [{ name: 'clip.txt', mimeType: 'text/plain', content: GARDEN_CLIP }]);
  await expect(lectern.page.getByRole('link', { name: /Notes on a Winter Garden/ })).toBeVisible();
  await other.waitForTimeout(500);
  await expect(other.getByRole('link', { name: /Notes on a Winter Garden/ })).toHaveCount(0);

  // The browser retries the stream by itself; once it opens, the window fetches again.
  await other.unroute('**/api/events');
  await expect(other.getByRole('link', { name: /Notes on a Winter Garden/ })).toBeVisible();
  await expect(other.getByRole('link', { name: /Inbox/ })).toContainText('1');
});
