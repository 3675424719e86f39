import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/lectern';
import { dropFiles } from './support/drop';
import { expectImportSummary } from './support/import-summary';
import { GARDEN_CLIP } from './fixtures/pages';

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
const INVALID_UTF8 = Uint8Array.from([0x48, 0x69, 0x20, 0xc3, 0x28, 0x20, 0xff, 0xfe, 0x0a]);

test('files Lectern cannot read are named with the reason, and the rest still import', async ({
  lectern,
}) => {
  const page = lectern.page;
  await dropFiles(page, [
    { name: 'photo.png', mimeType: 'image/png', content: PNG },
    { name: 'archive.zip', mimeType: 'application/zip', content: ZIP },
    { name: 'empty.txt', mimeType: 'text/plain', content: '' },
    { name: 'latin.txt', mimeType: 'text/plain', content: INVALID_UTF8 },
    { name: 'disguised.html', mimeType: 'text/html', content: PNG },
    { name: 'garden.txt', mimeType: 'text/plain', content: GARDEN_CLIP },
  ]);

  const alert = await expectImportSummary(page, [
    '5 failed',
    '1 added',
    'photo.png is a PNG image, not a web page or text',
    'archive.zip is a zip archive',
    'empty.txt is empty',
    'latin.txt is not valid UTF-8 text',
    'disguised.html is named like a web page but holds a PNG image',
  ]);

  const articles = page.getByRole('list', { name: 'Articles' }).getByRole('link');
  await expect(articles).toHaveCount(1);
  // A file with no site shows its kind where the site goes, never its own name.
  await expect(articles.first()).toContainText('Text file');
  await expect(articles.first()).not.toContainText('garden.txt');
  expect(await readdir(join(lectern.libraryDir, 'articles'))).toHaveLength(1);

  await alert.getByRole('button', { name: 'Close the summary' }).click();
  await expect(alert).toBeHidden();
});

test('a page whose bytes do not fit its declared charset is added, and the summary says how it was read', async ({
  lectern,
}) => {
  const page = lectern.page;
  const encoder = new TextEncoder();
  const body =
    '<p>The tide tables of the harbour, printed each spring for the keepers and the boats.</p>'.repeat(4);
  const misstated = Uint8Array.from([
    ...encoder.encode('<!doctype html><html><head><meta charset="gb2312"><title>Tides</title></head>'),
    ...encoder.encode('<body><article><h1>Tides</h1><p>tide '),
    0xb3,
    ...encoder.encode(` tables</p>${body}</article></body></html>`),
  ]);
  await dropFiles(page, [
    { name: 'tides.html', mimeType: 'text/html', content: misstated },
    { name: 'garden.txt', mimeType: 'text/plain', content: GARDEN_CLIP },
  ]);
  const summary = page.getByTestId('import-summary');
  // The first page on freshly started import workers can take a while on a busy machine.
  await expect(summary).toContainText('2 added', { timeout: 45_000 });
  await expect(summary.getByRole('heading', { name: 'Added with a warning' })).toBeVisible();
  await expect(summary).toContainText('tides.html is not valid gb2312 text, as it claims to be');
});
