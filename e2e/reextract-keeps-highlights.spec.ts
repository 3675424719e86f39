/**
 * Re-extracting an article, as a person would after Lectern's extractor got
 * better: the stored text is an older extraction of the saved page (a share
 * line the extractor now leaves out stands before the text, so every word
 * sits at another place), the person highlights a passage and gives the
 * article their own title, re-extracts it from the reader's menu, and finds
 * the highlight on the same words and their title kept, in the reader and in
 * the list; the older text can be restored, with the highlight still on it.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/lectern';
import { highlightText, paintedHighlights } from './support/reader';
import { READER_TITLE } from './fixtures/reader-article';

const SHARE_LINE = 'Share this story with a friend by email or on the social network of your choice.';
const MY_TITLE = 'Tidal islands, my notes';

async function contentPath(libraryDir: string): Promise<string> {
  const [id] = await readdir(join(libraryDir, 'articles'));
  return join(libraryDir, 'articles', id as string, 'content.html');
}

function articleMenu(page: Page) {
  return page.getByRole('button', { name: 'Edit details, re-extract, versions' });
}

function menu(page: Page) {
  return page.getByRole('dialog', { name: 'Article details and versions' });
}

test('re-extracting keeps the highlight on the same words and the title the person gave', async ({
  lectern,
  reader: page,
}) => {
  test.slow();

  // The text as an older extractor left it: a share line before the article.
  const path = await contentPath(lectern.libraryDir);
  await writeFile(path, `<p>${SHARE_LINE}</p>${await readFile(path, 'utf8')}`);
  await page.reload();
  await expect(page.getByText(SHARE_LINE)).toBeVisible();

  await highlightText(page, 'joined to the mainland', 'keep two clocks', 'yellow');
  // Painted once its save comes back.
  await expect
    .poll(async () => (await paintedHighlights(page)).yellow?.[0])
    .toMatch(/^joined to the mainland [\s\S]*keep two clocks$/);
  const highlighted = (await paintedHighlights(page)).yellow;

  // The person's own title, from the header's menu.
  await articleMenu(page).click();
  await menu(page).getByRole('button', { name: 'Edit details…' }).click();
  await menu(page).getByRole('textbox', { name: 'Title' }).fill(MY_TITLE);
  await menu(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MY_TITLE);

  // Re-extract from the stored original.
  await articleMenu(page).click();
  await menu(page).getByRole('button', { name: 'Re-extract' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Re-extracted the article' })).toBeVisible();
  await expect(page.getByText(SHARE_LINE)).toHaveCount(0);
  await expect.poll(async () => (await paintedHighlights(page)).yellow).toEqual(highlighted);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MY_TITLE);

  // The older text is a version, and comes back with the highlight on it.
  await articleMenu(page).click();
  await menu(page)
    .getByRole('button', { name: /^The text before/ })
    .click();
  await expect(page.getByText(SHARE_LINE)).toBeVisible();
  await expect.poll(async () => (await paintedHighlights(page)).yellow).toEqual(highlighted);

  // The list shows the person's title too.
  await page.getByRole('button', { name: 'Inbox', exact: true }).click();
  const list = page.getByRole('list', { name: 'Articles' });
  await expect(list.getByRole('link', { name: new RegExp(MY_TITLE) })).toBeVisible();
  await expect(list.getByRole('link', { name: new RegExp(`^${READER_TITLE}`) })).toHaveCount(0);
});

test('editing details from the list’s menu changes the row, and Reset puts back what was extracted', async ({
  reader: page,
}) => {
  await page.getByRole('button', { name: 'Inbox', exact: true }).click();
  const list = page.getByRole('list', { name: 'Articles' });
  await list.getByRole('link', { name: new RegExp(READER_TITLE) }).hover();
  await list.getByRole('button', { name: `More for ${READER_TITLE}` }).click();
  await menu(page).getByRole('button', { name: 'Edit details…' }).click();
  await menu(page).getByRole('textbox', { name: 'Site' }).fill('Island Almanac');
  await menu(page).getByRole('button', { name: 'Save' }).click();
  await expect(list.getByText('Island Almanac')).toBeVisible();

  await list.getByRole('link', { name: new RegExp(READER_TITLE) }).hover();
  await list.getByRole('button', { name: `More for ${READER_TITLE}` }).click();
  await menu(page).getByRole('button', { name: 'Reset details to extracted' }).click();
  await expect(list.getByText('Shoreline Quarterly')).toBeVisible();
});
