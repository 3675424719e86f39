import { expect, test } from './support/lectern';
import { dropFiles } from './support/drop';
import { articleRows, row } from './fixtures/clips';

test('searches with operators, marks matches, and keeps a saved view after a restart', async ({
  lectern,
  library,
}) => {
  let page = library;
  const search = page.getByRole('searchbox', { name: 'Search' });

  // Plain words, with the last one matched as a prefix while typing.
  await search.fill('harbour cloc');
  await expect(articleRows(page)).toHaveCount(1);
  await expect(
    row(page, 'Tidal Clocks of the Northern Isles').getByTestId('snippet').locator('mark'),
  ).toHaveText(['harbour', 'clock']);

  // A phrase, a left-out word, and a state.
  await search.fill('"light trap"');
  await expect(articleRows(page)).toHaveCount(1);
  await expect(row(page, 'The Garden Moth Census')).toBeVisible();
  await search.fill('the -ferry');
  await expect(articleRows(page)).toHaveCount(2);
  await expect(row(page, 'Tidal Clocks of the Northern Isles')).toHaveCount(0);
  await search.fill('is:unread -is:archived sort:title');
  await expect(articleRows(page).first()).toContainText('A Sourdough Diary');

  // A malformed operator says what was ignored and searches the words.
  await search.fill('is:someday');
  await expect(page.getByText(/“is:someday” takes inbox, archived/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No articles match “is:someday”' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear the search' }).click();
  await expect(articleRows(page)).toHaveCount(3);

  // Save a search as a view; it shows in the sidebar with its count.
  await search.fill('loaf crumb');
  await expect(articleRows(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByPlaceholder('Name this view').fill('Baking notes');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const views = page.getByRole('list', { name: 'Saved views' });
  await expect(views.getByRole('link', { name: /Baking notes\s+1/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Baking notes');
  await expect(articleRows(page)).toHaveCount(1);
  // The view says what it searches.
  await expect(page.getByText('Searches is:inbox loaf crumb')).toBeVisible();

  page = await lectern.restart();
  await page
    .getByRole('list', { name: 'Saved views' })
    .getByRole('link', { name: /Baking notes\s+1/ })
    .click();
  await expect(articleRows(page)).toHaveCount(1);
  await expect(row(page, 'A Sourdough Diary')).toBeVisible();

  // A word still being typed that an article holds whole ranks that article
  // first, and is marked where it is whole; words it only begins come after.
  await page.getByRole('link', { name: /^Inbox/ }).click();
  await dropFiles(page, [
    {
      name: 'lighthouse.txt',
      mimeType: 'text/plain',
      content: 'Lighthouse Keepers\n\nKeepers of the lighthouse logged every lightning storm of the winter.',
    },
  ]);
  await expect(articleRows(page)).toHaveCount(4);
  const field = page.getByRole('searchbox', { name: 'Search' });
  await field.fill('light');
  await expect(articleRows(page)).toHaveCount(2);
  await expect(articleRows(page).first()).toContainText('The Garden Moth Census');
  const marks = (title: string) =>
    page
      .getByRole('list', { name: 'Articles' })
      .getByRole('listitem')
      .filter({ hasText: title })
      .getByTestId('snippet')
      .locator('mark');
  await expect(marks('The Garden Moth Census')).toHaveText(['light']);
  await expect(marks('Lighthouse Keepers')).toHaveText(['lighthouse', 'lightning']);

  // The sort menu shows the order the query is in, and choosing one rewrites a typed sort:.
  const sort = page.getByRole('combobox', { name: 'Sort by' });
  await expect(sort).toHaveValue('relevance');
  await field.fill('sort:title light');
  await expect(sort).toHaveValue('title');
  await expect(articleRows(page).first()).toContainText('Lighthouse Keepers');
  await sort.selectOption({ label: 'Length' });
  await expect(field).toHaveValue('sort:words light');
  await sort.selectOption({ label: 'Best match' });
  await expect(field).toHaveValue('light');
  await expect(articleRows(page).first()).toContainText('The Garden Moth Census');
});
