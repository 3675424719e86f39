import type { Page } from '@playwright/test';
import { expect, test } from './support/lectern';

/** Hides the sidebar with Ctrl+\ and gives its Trash link, seen to go. */
async function hideSidebarByKey(page: Page) {
  const trash = page.getByRole('link', { name: /^Trash/ });
  await expect(trash).toBeVisible();
  await page.keyboard.press('Control+Backslash');
  await expect(trash).toBeHidden();
  return trash;
}

test('Ctrl+\\ hides and shows the sidebar, as View › Toggle Sidebar does', async ({ lectern }) => {
  const page = lectern.page;
  const trash = await hideSidebarByKey(page);
  await page.keyboard.press('Control+Backslash');
  await expect(trash).toBeVisible();
});

test('a sidebar hidden with Ctrl+\\ comes back from a button', async ({ lectern }) => {
  const page = lectern.page;
  const trash = await hideSidebarByKey(page);
  const show = page.getByRole('button', { name: 'Show sidebar' });
  await expect(show).toBeVisible();
  await page.screenshot({ path: 'test-results/library-sidebar-hidden.png' });
  await show.click();
  await expect(trash).toBeVisible();
  await expect(show).toBeHidden();
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
