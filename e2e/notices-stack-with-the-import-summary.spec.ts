/**
 * Notices stack instead of piling up: the newest three show, the older ones
 * wait behind one line, and the import summary sits under them, never over
 * them, naming what it added.
 */
import { expect, test } from './support/lectern';
import { dropFiles } from './support/drop';

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const clip = (title: string) =>
  `${title}\n\nA paragraph long enough to be read as the body of a text clip about ${title.toLowerCase()}, with a second sentence for good measure.`;

test('at most three notices show, and the import summary names its titles below them', async ({
  lectern,
}) => {
  const page = lectern.page;
  for (let n = 1; n <= 4; n++) {
    await dropFiles(page, [{ name: `photo-${n}.png`, mimeType: 'image/png', content: PNG }]);
    await expect(page.getByRole('alert').last()).toContainText(`photo-${n}.png`);
  }
  await expect(page.getByRole('alert')).toHaveCount(3);
  const earlier = page.getByRole('button', { name: '1 earlier notice' });
  await expect(earlier).toBeVisible();

  await dropFiles(page, [
    { name: 'harbour.txt', mimeType: 'text/plain', content: clip('Harbour Lights') },
    { name: 'orchard.txt', mimeType: 'text/plain', content: clip('Orchard Notes') },
  ]);
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('2 added');
  await expect(summary).toContainText(
    /Added “(Harbour Lights|Orchard Notes)” and “(Harbour Lights|Orchard Notes)”/,
  );

  const summaryBox = await summary.boundingBox();
  for (const notice of await page.getByRole('alert').all()) {
    const box = await notice.boundingBox();
    expect(box && summaryBox && box.y + box.height <= summaryBox.y).toBe(true);
  }

  await earlier.click();
  await expect(page.getByRole('alert')).toHaveCount(4);
});
