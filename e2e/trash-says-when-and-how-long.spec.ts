/**
 * The trash tells the person what will happen and when: each row says when
 * it was deleted and how many days are left, an article opened from it says
 * so with Restore, and emptying it can be called off.
 */
import { expect, test } from './support/lectern';
import { articleRows, row } from './fixtures/clips';

test('trash rows count the days left, a trashed article offers Restore, emptying can be cancelled', async ({
  library: page,
}) => {
  const sidebar = page.getByRole('navigation', { name: 'Library' });

  await row(page, 'A Sourdough Diary').getByRole('checkbox').check();
  await row(page, 'The Garden Moth Census').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await sidebar.getByRole('link', { name: /Trash\s+2/ }).click();
  await expect(row(page, 'A Sourdough Diary')).toContainText('Deleted today · 30 days left');

  await row(page, 'A Sourdough Diary').getByRole('link').click();
  const inTrash = page.getByTestId('in-trash');
  await expect(inTrash).toContainText('In the trash. Deleted today · 30 days left');
  await inTrash.getByRole('button', { name: 'Restore' }).click();
  await expect(inTrash).toBeHidden();

  await page.keyboard.press('Escape');
  await sidebar.getByRole('link', { name: /Trash\s+1/ }).click();
  await page.getByRole('button', { name: 'Empty trash…' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Empty trash…' })).toBeVisible();
  await expect(articleRows(page)).toHaveCount(1);
});
