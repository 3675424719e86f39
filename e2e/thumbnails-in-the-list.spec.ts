/**
 * The list shows each article's lead image as a small thumbnail, as Pocket
 * and Readwise do: the picture stored with the article (never fetched from
 * the web when the list is shown), in a fixed box so rows do not jump as
 * pictures arrive, and in every window size and theme.
 */
import { pictureAndPlainPages } from './fixtures/pages';
import { dropFiles } from './support/drop';
import { usePictureSite } from './support/picture-site';
import { expect, test } from './support/lectern';

const { picture } = usePictureSite();

test('each row shows its article’s stored lead image as a fixed-size thumbnail', async ({
  lectern,
}, testInfo) => {
  const window = lectern.page;
  await dropFiles(window, pictureAndPlainPages(picture('lamp', 420)));
  const rows = window.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  const pictured = rows.filter({ hasText: 'Lamps of the Harbour' });
  const plain = rows.filter({ hasText: 'Letters Without Pictures' });
  await expect(plain).toBeVisible({ timeout: 30_000 });
  await expect(pictured).toBeVisible();

  const thumbnail = pictured.locator('img');
  // Decorative (the title says what the row is), lazy, and from the library, not the web.
  await expect(thumbnail).toHaveAttribute('alt', '');
  await expect(thumbnail).toHaveAttribute('loading', 'lazy');
  await expect(thumbnail).toHaveAttribute('src', /^\/asset\//);
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(420);
  await expect(plain.locator('img')).toHaveCount(0);

  // A fixed box: the picture is cropped to it, and rows with and without one are the same height.
  const size = await thumbnail.evaluate((img) => {
    const box = img.getBoundingClientRect();
    return { width: box.width, height: box.height };
  });
  expect(size.width).toBeGreaterThan(40);
  expect(size.height).toBe(size.width);
  const heights = await Promise.all(
    [pictured, plain].map((row) => row.evaluate((li) => li.getBoundingClientRect().height)),
  );
  expect(heights[0]).toBe(heights[1]);

  // The narrow window, in the dark theme: the thumbnail keeps its box beside the text.
  await window.setViewportSize({ width: 560, height: 700 });
  await window.emulateMedia({ colorScheme: 'dark' });
  const narrow = await thumbnail.boundingBox();
  const title = await pictured.getByText('Lamps of the Harbour').boundingBox();
  expect(narrow && title && narrow.x).toBeGreaterThanOrEqual((title?.x ?? 0) + (title?.width ?? 0));
  expect(narrow?.width).toBe(size.width);
  await window.screenshot({ path: testInfo.outputPath('library-560-dark.png') });
  await window.setViewportSize({ width: 1280, height: 800 });
  await window.emulateMedia({ colorScheme: 'light' });
  await window.screenshot({ path: testInfo.outputPath('library-1280-light.png') });
});
