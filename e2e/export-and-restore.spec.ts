import { join } from 'node:path';
import { expect, test } from './support/lectern';
import { addClips, CLIPS, row, tagClip } from './fixtures/clips';
import { highlightText, notebook, openHighlight, paintedHighlights } from './support/reader';

test('a backup made in the window restores into a new library with its highlight, note and tags', async ({
  lectern,
  outDir,
}) => {
  test.slow();
  const page = lectern.page;
  await addClips(page, CLIPS.slice(0, 2));

  // Tags on one article, then a highlight with a note in it.
  await tagClip(page, 'Tidal Clocks of the Northern Isles', 'sea/harbour');

  await row(page, 'Tidal Clocks of the Northern Isles').getByRole('link').click();
  await expect(page.getByTestId('article-content')).toContainText('harbour master');
  await highlightText(page, 'harbour master', 'tidal clock', 'yellow');
  await (await openHighlight(page, 'harbour')).getByRole('button', { name: 'Note' }).click();
  const highlightNote = notebook(page).getByRole('textbox', { name: 'Note on the highlight' });
  await highlightNote.pressSequentially('Wound at dawn.');
  await highlightNote.press('Escape');
  await expect(notebook(page).getByText('Wound at dawn.')).toBeVisible();
  await page.getByRole('button', { name: 'Inbox' }).click();

  // A full backup from the Export dialog.
  await page.getByRole('button', { name: 'Export these 2…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /^Full backup/ }).check();
  const backup = join(outDir, 'library.zip');
  await dialog.getByLabel('Save as').fill(backup);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText('Backed up 2 articles')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();

  // Restore it into a new library from Settings, and switch to it.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Backup file').setInputFiles(backup);
  const preview = page.getByTestId('restore-preview');
  await expect(preview).toContainText('2 articles');
  await expect(preview.getByRole('radio', { name: /A new library/ })).toBeChecked();
  const restored = join(outDir, 'restored library');
  await preview.getByLabel('New library folder').fill(restored);
  await preview.getByRole('button', { name: 'Restore' }).click();
  const report = page.getByTestId('restore-report');
  await expect(report).toContainText('2 added');
  await report.getByRole('button', { name: 'Switch to the restored library' }).click();
  await expect(page.getByTestId('library-dir')).toHaveText(restored);

  // The restored library shows the article with its highlight painted, its note and its tags.
  await page.goto(page.url().split('#')[0] as string);
  await expect(row(page, 'Tidal Clocks of the Northern Isles')).toContainText('sea/harbour');
  await row(page, 'Tidal Clocks of the Northern Isles').getByRole('link').click();
  await expect(page.getByTestId('article-content')).toContainText('harbour master');
  await expect
    .poll(() => paintedHighlights(page))
    .toEqual({ yellow: ['harbour master wound the tidal clock'] });
  await expect(notebook(page).getByText('Wound at dawn.')).toBeVisible();
});
