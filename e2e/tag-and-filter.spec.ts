import { expect, test } from './support/lectern';
import { articleRows, row, tagClip } from './fixtures/clips';

test('tags articles, filters by a nested tag, renames it, and keeps it all after a restart', async ({
  lectern,
  library,
}) => {
  let page = library;

  // Tag one article through the bulk bar, creating a nested tag inline.
  await row(page, 'A Sourdough Diary').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Tag…' }).click();
  await page.getByRole('combobox', { name: 'Add a tag' }).fill('kitchen/bread');
  await expect(page.getByRole('option', { name: 'Create “kitchen/bread”' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(row(page, 'A Sourdough Diary')).toContainText('kitchen/bread');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Clear' }).click();

  // The parent appears in the sidebar; autocomplete offers the existing tag.
  const tags = page.getByRole('list', { name: 'Tags' });
  await expect(tags.getByRole('link', { name: /^kitchen\s+1$/ })).toBeVisible();
  await row(page, 'Tidal Clocks of the Northern Isles').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Tag…' }).click();
  await page.getByRole('combobox', { name: 'Add a tag' }).fill('kitch');
  await expect(page.getByRole('option', { name: 'kitchen', exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Add a tag' }).fill('kitchen');
  await page.getByRole('option', { name: 'kitchen', exact: true }).click();
  await expect(row(page, 'Tidal Clocks of the Northern Isles')).toContainText('kitchen');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Clear' }).click();

  // Dragging an article onto a tag tags it.
  await row(page, 'The Garden Moth Census')
    .getByRole('link')
    .dragTo(tags.getByRole('listitem').filter({ hasText: 'bread' }));
  await expect(row(page, 'The Garden Moth Census')).toContainText('kitchen/bread');

  // The parent lists its children's articles too, and counts them.
  await tags.getByRole('link', { name: /^kitchen\s+3$/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('kitchen');
  await expect(articleRows(page)).toHaveCount(3);
  await tags.getByRole('link', { name: /^bread\s+2$/ }).click();
  await expect(articleRows(page)).toHaveCount(2);

  // Rename the parent: its child moves with it, everywhere.
  await tags.getByRole('button', { name: 'Edit tag kitchen', exact: true }).click();
  await page.getByLabel('Name').fill('baking');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(tags.getByRole('link', { name: /^baking\s+3$/ })).toBeVisible();
  await expect(tags.getByRole('link', { name: /^kitchen/ })).toHaveCount(0);

  page = await lectern.restart();
  const after = page.getByRole('list', { name: 'Tags' });
  await expect(after.getByRole('link', { name: /^baking\s+3$/ })).toBeVisible();
  await after.getByRole('link', { name: /^bread\s+2$/ }).click();
  await expect(articleRows(page)).toHaveCount(2);
  await expect(row(page, 'A Sourdough Diary')).toContainText('baking/bread');
});

test('undoing a tag rename brings back its name and its colour', async ({ library: page }) => {
  await tagClip(page, 'A Sourdough Diary', 'kitchen');

  const tags = page.getByRole('list', { name: 'Tags' });
  const dot = (name: string) => tags.getByRole('listitem').filter({ hasText: name }).locator('.dot').first();
  await tags.getByRole('button', { name: 'Edit tag kitchen', exact: true }).click();
  await page.getByRole('button', { name: 'teal' }).click();
  await expect(dot('kitchen')).toHaveAttribute('data-tag-color', 'teal');
  await page.getByLabel('Name').fill('baking');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(dot('baking')).toHaveAttribute('data-tag-color', 'teal');

  await page
    .getByRole('status')
    .filter({ hasText: 'Renamed “kitchen” to “baking”' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(tags.getByRole('link', { name: /^kitchen\s+1$/ })).toBeVisible();
  await expect(tags.getByRole('link', { name: /^baking/ })).toHaveCount(0);
  await expect(dot('kitchen')).toHaveAttribute('data-tag-color', 'teal');
});
