/**
 * The library by keyboard: the list takes j/k/x as soon as it is shown and
 * is one tab stop, the ? sheet opened there shows the library's keys first,
 * and a sidebar hidden with Ctrl+\ has a visible way back.
 */
import { expect, test } from './support/lectern';
import { articleRows } from './fixtures/clips';

test('j, k and x work on the list at once, and the list is one tab stop', async ({ library: page }) => {
  const secondBox = page
    .getByRole('list', { name: 'Articles' })
    .getByRole('listitem')
    .nth(1)
    .getByRole('checkbox');
  const firstTitle = (await articleRows(page).nth(0).locator('.title').textContent())?.trim() ?? '';
  await page.keyboard.press('j');
  await expect(articleRows(page).nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await expect(articleRows(page).nth(1)).toBeFocused();
  await page.keyboard.press('x');
  await expect(secondBox).toBeChecked();
  await page.keyboard.press('k');
  await expect(articleRows(page).nth(0)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(secondBox).not.toBeChecked();

  // Tab enters the list on its current row and the next Tab leaves it.
  await page.getByRole('searchbox', { name: 'Search' }).focus();
  const inList = () =>
    page.evaluate(() => document.activeElement?.closest('[aria-label="Articles"]') !== null);
  let stops = 0;
  for (let i = 0; i < 10 && !(await inList()); i++) await page.keyboard.press('Tab');
  while (await inList()) {
    stops += 1;
    await page.keyboard.press('Tab');
  }
  expect(stops).toBe(1);

  await page.keyboard.press('Shift+Tab');
  await expect(articleRows(page).nth(0)).toBeFocused();

  // The row's ⋯ menu is not a stop of its own: its keys open it from the row, and Esc gives the row back.
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('dialog', { name: 'Article details and versions' });
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(articleRows(page).nth(0)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstTitle);
});

test('? in the library shows the library’s keys first', async ({ library: page }) => {
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  const sections = sheet.getByRole('table');
  await expect(sections.first()).toHaveAccessibleName('In the library');
  for (const does of [
    'Next article',
    'Select or unselect the article',
    'Search',
    'Hide or show the sidebar',
  ]) {
    await expect(sections.first()).toContainText(does);
  }
  await expect(sheet).toContainText('Go back');
  await page.screenshot({ path: 'test-results/shortcuts-sheet-from-library.png' });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});
