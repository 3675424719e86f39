/**
 * At 560 px wide: Esc closes the slide-over sidebar, the top bar is two even
 * rows, the bulk bar leaves no button alone on a line, and the notebook
 * drawer dims the text behind it and closes on a press there.
 */
import { expect, test } from './support/lectern';
import { row } from './fixtures/clips';
import { notebook } from './support/reader';

test.use({ viewport: { width: 560, height: 760 } });

test('the library at 560 px: Esc closes the sidebar, the bars sit in even rows', async ({
  library: page,
}) => {
  const trash = page.getByRole('link', { name: /^Trash/ });
  await page.getByRole('button', { name: 'Show lists and tags' }).click();
  await expect(trash).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(trash).toBeHidden();

  const top = async (name: string) =>
    (await page.getByRole('button', { name, exact: true }).boundingBox())?.y;
  const menu = await page.getByRole('button', { name: 'Show lists and tags' }).boundingBox();
  const add = await page.getByRole('button', { name: 'Add files…' }).boundingBox();
  const search = await page.getByRole('searchbox', { name: 'Search' }).boundingBox();
  expect(menu && add && Math.abs(menu.y + menu.height / 2 - (add.y + add.height / 2))).toBeLessThan(2);
  expect(search && add && search.y).toBeGreaterThanOrEqual((add?.y ?? 0) + (add?.height ?? 0));

  await row(page, 'A Sourdough Diary').getByRole('checkbox').check();
  const actions = ['Tag…', 'Archive', 'Favorite', 'Mark read', 'Export…', 'Delete'];
  const lines = new Map<number | undefined, number>();
  for (const name of actions) {
    const y = await top(name);
    lines.set(y, (lines.get(y) ?? 0) + 1);
  }
  // Two full lines of three: no action alone on a line.
  expect([...lines.values()]).toEqual([3, 3]);
});

test('the notebook drawer at 560 px dims the text and closes on a press there', async ({ reader: page }) => {
  const notebookButton = page.getByRole('button', { name: 'Notebook' });
  if ((await notebookButton.getAttribute('aria-pressed')) !== 'true') await notebookButton.click();
  await expect(notebook(page)).toBeVisible();
  const scrim = page.getByRole('button', { name: 'Close the notebook' });
  await expect(scrim).toBeVisible();
  await page.mouse.click(20, 400);
  await expect(notebook(page)).toBeHidden();
});
