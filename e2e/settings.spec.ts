import { expect, test } from './support/lectern';

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
