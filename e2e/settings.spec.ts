import { expect, test } from './support/lectern';
import { CLIPS, row } from './fixtures/clips';
import { dropFiles } from './support/drop';

test('Settings keeps the theme and the image fetching across a reload', async ({ lectern }) => {
  const page = lectern.page;
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByTestId('library-dir')).toHaveText(lectern.libraryDir);
  await expect(page.getByTestId('version')).toHaveText(/^\d+\.\d+\.\d+/);

  await page.getByRole('radio', { name: 'Dark' }).check();
  const fetchImages = page.getByRole('checkbox', { name: /Fetch the images/ });
  await expect(fetchImages).toBeChecked();
  await fetchImages.uncheck();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Fetch the images/ })).not.toBeChecked();

  // A template naming a field that does not exist is refused with the reason.
  await page.getByLabel('Markdown template').fill('{{titel}}');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('alert')).toContainText('titel');

  // Back leads where Settings was opened from, even after the reload.
  await page.getByRole('button', { name: 'Inbox' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your library is empty');
});

test('a window opened straight at Settings still loads the library it offers to re-extract', async ({
  lectern,
}) => {
  const page = lectern.page;
  const clip = CLIPS[0] as (typeof CLIPS)[number];
  await dropFiles(page, [
    { name: clip.name, mimeType: 'text/plain', content: `${clip.title}\n\n${clip.body}` },
  ]);
  await expect(row(page, clip.title)).toBeVisible({ timeout: 60_000 });

  await page.goto(`${page.url().split('#')[0]}#/settings`);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Re-extract the library…' })).toBeEnabled();
});
