/**
 * The compact list: rows without thumbnails and with one line of excerpt,
 * chosen from the button beside the sort menu or in Settings, and
 * remembered in the library's settings, so a reload (or a restart) keeps it.
 */
import { pictureAndPlainPages } from './fixtures/pages';
import { dropFiles } from './support/drop';
import { usePictureSite } from './support/picture-site';
import { expect, test } from './support/lectern';

const { picture } = usePictureSite();

test('the compact list shows no thumbnails, denser rows, and stays compact after a reload', async ({
  lectern,
}) => {
  let window = lectern.page;
  await dropFiles(window, pictureAndPlainPages(picture('lamp', 420)));
  const rows = () => window.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  const pictured = () => rows().filter({ hasText: 'Lamps of the Harbour' });
  await expect(pictured().locator('img')).toBeVisible({ timeout: 30_000 });
  const rowHeight = () => pictured().evaluate((li) => li.getBoundingClientRect().height);
  const comfortable = await rowHeight();

  const view = () => window.getByRole('button', { name: 'Compact list' });
  await expect(view()).toHaveAttribute('aria-pressed', 'false');
  await view().click();
  await expect(view()).toHaveAttribute('aria-pressed', 'true');
  await expect(window.locator('img')).toHaveCount(0);
  await expect(rows()).toHaveCount(2);
  expect(await rowHeight()).toBeLessThan(comfortable);
  // One line of excerpt: its box is no taller than one line of its text.
  const excerpt = pictured().locator('.excerpt');
  const lines = await excerpt.evaluate(
    (element) => element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight),
  );
  expect(lines).toBeLessThan(1.5);

  // Stored with the library's settings: a reload, and a restart, keep it.
  await window.reload();
  await expect(rows()).toHaveCount(2, { timeout: 30_000 });
  await expect(view()).toHaveAttribute('aria-pressed', 'true');
  await expect(window.locator('img')).toHaveCount(0);
  window = await lectern.restart();
  await expect(rows()).toHaveCount(2, { timeout: 30_000 });
  await expect(view()).toHaveAttribute('aria-pressed', 'true');
  await expect(window.locator('img')).toHaveCount(0);

  // Settings holds the same choice: back to thumbnails from there.
  await window.getByRole('link', { name: 'Settings' }).click();
  const setting = window.getByRole('checkbox', { name: /Compact list/ });
  await expect(setting).toBeChecked();
  await setting.uncheck();
  await window.goBack();
  await expect(pictured().locator('img')).toBeVisible({ timeout: 30_000 });
  expect(await rowHeight()).toBe(comfortable);
});
