/**
 * Justified text only with hyphenation: justified lines that cannot break
 * words open rivers of space. Where the engine hyphenates the article's
 * language, justifying hyphenates too; where it cannot (Chromium on Linux and
 * Windows ships no dictionaries), Justify is not offered and the text stays
 * ragged-right even if justification was chosen on another system.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/lectern';
import { READER_TITLE } from './fixtures/reader-article';

/** Whether this browser breaks an English word with hyphens: a narrow column, with and without. */
function engineHyphenatesEnglish(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const lines = (hyphens: string) => {
      const column = document.createElement('p');
      column.lang = 'en';
      column.style.cssText = `width: 3em; hyphens: ${hyphens}; position: fixed; left: -100em`;
      column.textContent = 'characteristically unquestionably';
      document.body.append(column);
      const height = column.offsetHeight;
      column.remove();
      return height;
    };
    return lines('auto') > lines('none');
  });
}

const paragraphStyle = (page: Page) =>
  page
    .getByTestId('article-content')
    .locator('p')
    .first()
    .evaluate((p) => ({ align: getComputedStyle(p).textAlign, hyphens: getComputedStyle(p).hyphens }));

test('Justify hyphenates the article in its language, or is not offered where it cannot', async ({
  lectern,
  reader,
}) => {
  let page = reader;
  // The article's language, from its page, is on its text.
  await expect(page.getByTestId('article-content')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Typography and theme' }).click();
  const justify = page.getByRole('checkbox', { name: 'Justify text' });

  if (await engineHyphenatesEnglish(page)) {
    await justify.check();
    await expect.poll(() => paragraphStyle(page)).toEqual({ align: 'justify', hyphens: 'auto' });
    return;
  }

  await expect(justify).toBeDisabled();
  await expect(justify).toHaveAccessibleDescription(/cannot hyphenate English/);
  // Justification chosen where it could hyphenate (the library moved from
  // another computer) still leaves the text ragged-right here.
  const file = join(lectern.libraryDir, 'lectern.json');
  const saved = JSON.parse(await readFile(file, 'utf8'));
  saved.settings = { ...saved.settings, reader: { ...saved.settings?.reader, justify: true } };
  await writeFile(file, JSON.stringify(saved));
  page = await lectern.restart();
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('link', { name: new RegExp(READER_TITLE) })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(READER_TITLE);
  const chosen = () =>
    page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--reader-align').trim());
  await expect.poll(chosen).toBe('justify');
  expect((await paragraphStyle(page)).align).toBe('start');
});
