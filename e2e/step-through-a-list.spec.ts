/**
 * `[` and `]` in the reader go through the list the article was opened
 * from, in its order: here a search sorted by title that leaves one article
 * out, so neither the inbox's order nor its third article comes into it.
 */
import { expect, test } from './support/lectern';
import { articleRows } from './fixtures/clips';

test('[ and ] step through the searched, sorted list the article was opened from', async ({
  library: page,
}) => {
  await page.getByRole('searchbox', { name: 'Search' }).fill('the -ferry sort:title');
  await expect(articleRows(page)).toHaveCount(2);
  await expect(articleRows(page).first()).toContainText('A Sourdough Diary');

  await articleRows(page).first().click();
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toHaveText('A Sourdough Diary');
  await page.keyboard.press(']');
  await expect(title).toHaveText('The Garden Moth Census');
  // The end of the list: the inbox's other article is not next.
  await page.keyboard.press(']');
  await page.waitForTimeout(300);
  await expect(title).toHaveText('The Garden Moth Census');
  await page.keyboard.press('[');
  await expect(title).toHaveText('A Sourdough Diary');
});
