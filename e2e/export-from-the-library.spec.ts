import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/lectern';
import { row } from './fixtures/clips';
import { highlightText } from './support/reader';

test('exports two selected articles as Markdown with their highlight, then backs up the library', async ({
  library: page,
  outDir,
}) => {
  test.slow();

  // A highlight to find in the export.
  await row(page, 'Tidal Clocks of the Northern Isles').getByRole('link').click();
  await expect(page.getByTestId('article-content')).toContainText('harbour master');
  await highlightText(page, 'harbour master', 'tidal clock', 'yellow');
  await page.getByRole('button', { name: 'Inbox' }).click();

  await row(page, 'Tidal Clocks of the Northern Isles')
    .getByRole('link')
    .click({ modifiers: ['Control'] });
  await row(page, 'A Sourdough Diary')
    .getByRole('link')
    .click({ modifiers: ['Control'] });
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Export…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByText('2 selected articles')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /^Markdown/ })).toBeChecked();
  const markdownDir = join(outDir, 'notes');
  await dialog.getByLabel('Into the folder').fill(markdownDir);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText('Exported 2 articles')).toBeVisible();
  await expect(dialog.getByText(markdownDir)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Copy path' })).toBeVisible();
  const files = (await readdir(markdownDir)).filter((name) => name.endsWith('.md'));
  expect(files).toHaveLength(2);
  const texts = await Promise.all(files.map((name) => readFile(join(markdownDir, name), 'utf8')));
  expect(texts.some((text) => text.includes('> harbour master wound the tidal clock'))).toBe(true);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // The whole library, from the list's own button, as one backup.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Export these 3…' }).click();
  await expect(dialog.getByText('Inbox: 3 articles')).toBeVisible();
  await dialog.getByRole('radio', { name: /^Full backup/ }).check();
  await expect(dialog.getByText('The whole library', { exact: true })).toBeVisible();
  const backup = join(outDir, 'library.zip');
  await dialog.getByLabel('Save as').fill(backup);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText('Backed up 3 articles')).toBeVisible();
  expect((await stat(backup)).size).toBeGreaterThan(0);
});
