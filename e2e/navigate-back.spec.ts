/**
 * Back works in every view and leads somewhere: the button, Esc, Alt+Left
 * and the mouse's back button all go one place back, and the address keeps
 * the place and the search across a reload.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/lectern';
import { articleRows } from './fixtures/clips';
import { highlightText } from './support/reader';
import { READER_TITLE } from './fixtures/reader-article';

/** Presses the mouse's back button (button 3) as the hardware would. */
async function mouseBack(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const type of ['mousePressed', 'mouseReleased'] as const) {
    await cdp.send('Input.dispatchMouseEvent', { type, x: 640, y: 400, button: 'back', clickCount: 1 });
  }
  await cdp.detach();
}

const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 });

test('Back leads out of Highlights and out of an article opened from a highlight', async ({
  reader: page,
}) => {
  await highlightText(page, 'The sea gives you', 'every one of them back', 'pink');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(heading(page, 'Inbox')).toBeVisible();

  // Esc in Highlights goes back to the list it was opened from.
  await page.getByRole('link', { name: 'Highlights', exact: true }).click();
  await expect(heading(page, 'Highlights')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(heading(page, 'Inbox')).toBeVisible();

  // An article opened from a highlight goes back to Highlights, and Highlights' button to the inbox.
  await page.getByRole('link', { name: 'Highlights', exact: true }).click();
  await page.getByRole('list').getByRole('link').first().click();
  await expect(heading(page, READER_TITLE)).toBeVisible();
  await page.getByRole('button', { name: 'Highlights' }).click();
  await expect(heading(page, 'Highlights')).toBeVisible();
  await page.getByRole('button', { name: 'Inbox' }).click();
  await expect(heading(page, 'Inbox')).toBeVisible();

  // Alt+Left and the mouse's back button go back the same way.
  await page.getByRole('link', { name: 'Highlights', exact: true }).click();
  await page.getByRole('list').getByRole('link').first().click();
  await expect(heading(page, READER_TITLE)).toBeVisible();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(heading(page, 'Highlights')).toBeVisible();
  await mouseBack(page);
  await expect(heading(page, 'Inbox')).toBeVisible();
});

test('a reload keeps the place and the search, and Back still leads to the search', async ({
  library: page,
}) => {
  await page.getByRole('searchbox', { name: 'Search' }).fill('sourdough');
  await expect(articleRows(page)).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('sourdough');
  await expect(articleRows(page)).toHaveCount(1);

  await articleRows(page).first().click();
  await expect(heading(page, 'A Sourdough Diary')).toBeVisible();
  await page.reload();
  await expect(heading(page, 'A Sourdough Diary')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(heading(page, 'Inbox')).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('sourdough');
  await expect(articleRows(page)).toHaveCount(1);
});

test('an article opened straight from its address goes back to the inbox', async ({ library: page }) => {
  await articleRows(page).first().click();
  const address = page.url();
  const fresh = await page.context().newPage();
  await fresh.goto(address);
  await expect(fresh.getByRole('heading', { level: 1 })).not.toHaveText('Inbox');
  await fresh.getByRole('button', { name: 'Inbox' }).click();
  await expect(heading(fresh, 'Inbox')).toBeVisible();
});
