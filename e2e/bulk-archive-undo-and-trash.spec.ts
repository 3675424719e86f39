import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/lectern';
import { addClips, articleRows, row } from './fixtures/clips';

test('archives everything at once and undoes it, then deletes and restores from the trash', async ({
  lectern,
}) => {
  let page = lectern.page;
  await addClips(page);
  const sidebar = page.getByRole('navigation', { name: 'Library' });

  // Ctrl+A selects every article in the list; archive them all, then undo.
  await articleRows(page).first().focus();
  await page.keyboard.press('Control+a');
  await expect(page.getByText('3 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('heading', { name: 'Your inbox is clear' })).toBeVisible();
  await expect(sidebar.getByRole('link', { name: /Archive\s+3/ })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(articleRows(page)).toHaveCount(3);
  await expect(sidebar.getByRole('link', { name: /Archive\s+0/ })).toBeVisible();

  // Click, then shift-click selects a range; delete moves the two to the trash.
  await row(page, 'The Garden Moth Census')
    .getByRole('link')
    .click({ modifiers: ['Control'] });
  await row(page, 'A Sourdough Diary')
    .getByRole('link')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(articleRows(page)).toHaveCount(1);
  expect((await readdir(join(lectern.libraryDir, 'trash'))).length).toBe(2);

  // In the trash, restore one.
  await sidebar.getByRole('link', { name: /Trash\s+2/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trash');
  await expect(page.getByText('deleted for good after 30 days')).toBeVisible();
  await row(page, 'A Sourdough Diary').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(articleRows(page)).toHaveCount(1);

  page = await lectern.restart();
  await expect(articleRows(page)).toHaveCount(2);
  await expect(row(page, 'A Sourdough Diary')).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('link', { name: /Trash\s+1/ })
    .click();
  await expect(row(page, 'The Garden Moth Census')).toBeVisible();

  // Emptying the trash deletes for good, after a confirmation.
  await page.getByRole('button', { name: 'Empty trash…' }).click();
  await page.getByRole('button', { name: 'Delete 1 article for good?' }).click();
  await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
  expect(await readdir(join(lectern.libraryDir, 'trash'))).toEqual([]);
});
