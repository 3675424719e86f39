import { expect, test } from './support/lectern';

test('Ctrl+\\ hides and shows the sidebar, as View › Toggle Sidebar does', async ({ lectern }) => {
  const page = lectern.page;
  const trash = page.getByRole('link', { name: /^Trash/ });
  await expect(trash).toBeVisible();
  await page.keyboard.press('Control+Backslash');
  await expect(trash).toBeHidden();
  await page.keyboard.press('Control+Backslash');
  await expect(trash).toBeVisible();
});

test('? in the library opens the keyboard shortcuts, as Help › Keyboard Shortcuts does', async ({
  lectern,
}) => {
  const page = lectern.page;
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});
