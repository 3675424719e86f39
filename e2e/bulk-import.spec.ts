/**
 * Dropping many files at once: a progress bar with a count and a cancel
 * button while the backend works, and a summary at the end listing what was
 * added, what was already there and what failed, with each reason.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { dropFiles, type DroppedFile } from './support/drop';
import { expect, test } from './support/lectern';
import { useTestSite } from './support/test-site';

test.describe.configure({ timeout: 120_000 });

const site = useTestSite();

const note = (i: number): DroppedFile => ({
  name: `note-${String(i).padStart(2, '0')}.txt`,
  mimeType: 'text/plain',
  content: `Note ${i}\n\nThe ${i}th note about the harbour, its boats and its keepers.`,
});

test('sixty files show progress, then a summary of added, duplicate and failed', async ({ lectern }) => {
  const { page } = lectern;
  await dropFiles(page, [note(0)]);
  await expect(page.getByRole('status').filter({ hasText: 'Added to your library' })).toBeVisible();

  const files: DroppedFile[] = [
    // A link that answers after a few seconds keeps the first batch busy long enough to watch.
    { name: 'slow.url', mimeType: '', content: `[InternetShortcut]\nURL=${site.url('/delay')}\n` },
    ...Array.from({ length: 56 }, (_, i) => note(i)),
    { name: 'empty.txt', mimeType: 'text/plain', content: '' },
    { name: 'blob.html', mimeType: 'text/html', content: Uint8Array.from([0, 1, 2, 3]) },
    { name: 'copy.txt', mimeType: 'text/plain', content: note(3).content },
  ];
  await dropFiles(page, files);

  const progress = page.getByTestId('import-progress');
  await expect(progress.getByRole('status')).toContainText(/Importing \d+ of 60/);
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expect(progress.getByRole('button', { name: 'Cancel' })).toBeEnabled();

  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('Import finished', { timeout: 60_000 });
  await expect(summary).toContainText('56 added');
  await expect(summary).toContainText('2 already in the library');
  await expect(summary).toContainText('2 failed');
  await expect(summary).toContainText('empty.txt is empty: there is nothing in it to import.');
  await expect(summary).toContainText('blob.html is named like a web page but holds binary data.');
  await summary.getByRole('button', { name: /Open “Note 3”/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Note 3');
  expect(await readdir(join(lectern.libraryDir, 'articles'))).toHaveLength(57);
});

test('cancelling stops the import and says what was not started', async ({ lectern }) => {
  const { page } = lectern;
  await dropFiles(page, [
    { name: 'slow.url', mimeType: '', content: `[InternetShortcut]\nURL=${site.url('/delay')}\n` },
    ...Array.from({ length: 59 }, (_, i) => note(i)),
  ]);
  const progress = page.getByTestId('import-progress');
  // The panel names a file it is reading, so the import is seen moving before any is done.
  await expect(progress).toContainText(/Reading \S+\.(url|txt)/);
  await progress.getByRole('button', { name: 'Cancel' }).click();

  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('Import cancelled', { timeout: 60_000 });
  await expect(summary).toContainText(/\d+ not started/);
  const added = Number(/(\d+) added/.exec((await summary.textContent()) ?? '')?.[1]);
  expect(added).toBeLessThan(60);
  expect(await readdir(join(lectern.libraryDir, 'articles'))).toHaveLength(added);
});
