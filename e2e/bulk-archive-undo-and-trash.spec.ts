import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/lectern';
import { articleRows, CLIPS, row, type ClipTitle } from './fixtures/clips';

test('archives everything at once and undoes it, then deletes and restores from the trash', async ({
  lectern,
  library,
}) => {
  let page = library;
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
  // The three were imported at once, so their order in the list varies: take it from the list.
  const listed = await articleRows(page).allInnerTexts();
  const at = (title: ClipTitle) => listed.findIndex((text) => text.includes(title));
  const [first, second] = CLIPS.map((clip) => clip.title).sort((a, b) => at(a) - at(b)) as [
    ClipTitle,
    ClipTitle,
  ];
  await row(page, first)
    .getByRole('link')
    .click({ modifiers: ['Control'] });
  await row(page, second)
    .getByRole('link')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(articleRows(page)).toHaveCount(1);
  const trashed = () => readdir(join(lectern.libraryDir, 'trash'));
  await expect.poll(async () => (await trashed()).length).toBe(2);

  // In the trash, restore one.
  await sidebar.getByRole('link', { name: /Trash\s+2/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trash');
  await expect(page.getByText('deleted for good after 30 days')).toBeVisible();
  await row(page, second).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(articleRows(page)).toHaveCount(1);

  page = await lectern.restart();
  await expect(articleRows(page)).toHaveCount(2);
  await expect(row(page, second)).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('link', { name: /Trash\s+1/ })
    .click();
  await expect(row(page, first)).toBeVisible();

  // Emptying the trash deletes for good, after a confirmation.
  await page.getByRole('button', { name: 'Empty trash…' }).click();
  await page.getByRole('button', { name: 'Delete 1 article for good?' }).click();
  await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
  await expect.poll(trashed).toEqual([]);
});
