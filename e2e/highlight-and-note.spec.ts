import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ArticleMeta } from '../electron/shared/article';
import { expect, test } from './support/lectern';
import {
  dragSelect,
  highlightText,
  notebook,
  openHighlight,
  paintedHighlights,
  pointAt,
  readOnFrom,
  topBlock,
} from './support/reader';
import { READER_TITLE } from './fixtures/reader-article';

async function storedArticle(libraryDir: string): Promise<ArticleMeta> {
  const [id] = await readdir(join(libraryDir, 'articles'));
  return JSON.parse(
    await readFile(join(libraryDir, 'articles', id as string, 'article.json'), 'utf8'),
  ) as ArticleMeta;
}

test('highlights and notes made with mouse and keyboard survive a reload and a restart', async ({
  lectern,
  reader,
}) => {
  // A whole reading session, two reopenings included: give it room on slow machines.
  test.slow();
  let page = reader;

  // Yellow, by mouse, across the <em> inside a paragraph.
  await highlightText(page, 'joined to the mainland', 'keep two clocks', 'yellow');

  // Green, by mouse, from a paragraph into a list item.
  await highlightText(page, 'before you go', 'the night before', 'green');

  // Blue, by keyboard: caret before "Cross only", then shift+arrows into the block quote.
  const caret = await pointAt(page, 'Cross only', 'start');
  await page.mouse.click(caret.x - 1, caret.y);
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+End');
  await page.getByRole('button', { name: 'Highlight blue' }).click();

  // `h` uses the last colour (blue), here across a heading and the paragraph after it.
  await dragSelect(page, 'Living on', 'safe line');
  await page.keyboard.press('h');

  await expect(notebook(page).getByTestId('notebook-entry')).toHaveCount(4);
  // A quote from a paragraph into a list item reads with a line break between the two.
  const acrossBlocks = notebook(page).getByRole('button', { name: /^before you go/ });
  expect(await acrossBlocks.innerText()).toMatch(
    /^before you go,[^\n]*\nCheck the tide table the night before$/,
  );
  await expect
    .poll(async () => Object.keys(await paintedHighlights(page)).sort())
    .toEqual(['blue', 'green', 'yellow']);
  const painted = await paintedHighlights(page);
  expect(painted.yellow?.[0]).toMatch(
    /^joined to the mainland twice a day and cut off twice a day, [\s\S]*keep two clocks$/,
  );
  expect(painted.green?.[0]).toMatch(/^before you go, [\s\S]*Check the tide table the night before$/);
  expect(painted.blue).toHaveLength(2);
  expect(
    painted.blue?.some(
      (text) => text.startsWith('Cross only on a falling tide.') && text.includes('The sea gives you'),
    ),
  ).toBe(true);
  expect(
    painted.blue?.some((text) =>
      /^Living on two clocks\s*Sand flats change shape with every storm, and the safe line$/.test(text),
    ),
  ).toBe(true);

  // A note on the yellow highlight, opened by clicking the highlight itself.
  await (await openHighlight(page, 'mainland')).getByRole('button', { name: 'Note' }).click();
  const highlightNote = notebook(page).getByRole('textbox', { name: 'Note on the highlight' });
  await expect(highlightNote).toBeFocused();
  await highlightNote.pressSequentially('Two **clocks**: the tide and the kitchen.');
  await highlightNote.press('Escape');
  await expect(notebook(page).locator('strong', { hasText: 'clocks' })).toBeVisible();

  // The article note, typed and left; it saves itself within a second.
  const articleNote = notebook(page).getByRole('textbox', { name: 'Article note' });
  await articleNote.click();
  await articleNote.pressSequentially('Read before the *next* crossing.');
  await expect(notebook(page).getByRole('status').filter({ hasText: 'Saved' })).toBeVisible({
    timeout: 3000,
  });

  await articleNote.press('Escape');

  // Read on to the third section and theme the reader.
  const readingAt = await readOnFrom(page, 'Storms and silt');
  await page.getByRole('button', { name: 'Typography and theme' }).click();
  await page.getByRole('radio', { name: 'Sepia' }).check();
  await page.getByRole('radio', { name: 'Sans' }).check();
  await page.getByRole('slider', { name: /Text size/ }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await storedArticle(lectern.libraryDir)).progress).toBeGreaterThan(0.3);
  // Saves are throttled to one a second: wait for the last one, so the reload
  // below tests restoring the place, not a race with the save on leaving.
  let settled = -1;
  await expect
    .poll(
      async () => {
        const { progress } = await storedArticle(lectern.libraryDir);
        const same = progress === settled;
        settled = progress;
        return same;
      },
      { intervals: [1500] },
    )
    .toBe(true);
  await expect.poll(() => topBlock(page)).toBe(readingAt);

  const stored = await storedArticle(lectern.libraryDir);
  expect(stored.note).toBe('Read before the *next* crossing.');
  expect(stored.highlights.map((h) => h.color).sort()).toEqual(['blue', 'blue', 'green', 'yellow']);
  for (const { target } of stored.highlights) {
    const [quote, position] = target.selector;
    expect(quote.type).toBe('TextQuoteSelector');
    expect(position.end - position.start).toBe(quote.exact.length);
    expect(quote.prefix.length).toBeLessThanOrEqual(32);
  }
  expect(stored.highlights.find((h) => h.color === 'green')?.target.selector[0].prefix).toHaveLength(32);

  async function expectAllThere(current: Page) {
    await expect(current.getByRole('heading', { level: 1 })).toHaveText(READER_TITLE);
    await expect(notebook(current).getByTestId('notebook-entry')).toHaveCount(4);
    await expect.poll(() => paintedHighlights(current)).toEqual(painted);
    await expect(notebook(current).locator('strong', { hasText: 'clocks' })).toBeVisible();
    await expect(notebook(current).locator('em', { hasText: 'next' })).toBeVisible();
    await expect(current.locator('html')).toHaveAttribute('data-theme', 'sepia');
    expect(
      await current.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue('--reader-size'),
      ),
    ).toBe(`${21 / 16}rem`);
    await expect.poll(() => topBlock(current)).toBe(readingAt);
  }

  await page.reload();
  await expectAllThere(page);

  page = await lectern.restart();
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('link', { name: new RegExp(READER_TITLE) })
    .click();
  await expectAllThere(page);
});

test('a note typed just before the window closes is kept', async ({ lectern, reader }) => {
  let page = reader;
  const articleNote = notebook(page).getByRole('textbox', { name: 'Article note' });
  await articleNote.click();
  await articleNote.pressSequentially('Last words');
  await page.close({ runBeforeUnload: true });
  await expect.poll(async () => (await storedArticle(lectern.libraryDir)).note).toBe('Last words');
  page = await lectern.restart();
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('link', { name: new RegExp(READER_TITLE) })
    .click();
  await expect(notebook(page).getByText('Last words')).toBeVisible();
});

test('overlapping highlights stay visible and each can be chosen, and a deletion can be undone', async ({
  reader: page,
}) => {
  await highlightText(page, 'A tidal island', 'twice a day and', 'pink');
  await highlightText(page, 'mainland', 'learn to keep', 'purple');
  await expect
    .poll(async () => Object.keys(await paintedHighlights(page)).sort())
    .toEqual(['pink', 'purple']);
  const painted = await paintedHighlights(page);
  expect(painted.pink?.[0]).toContain('mainland');
  expect(painted.purple?.[0]).toContain('mainland');

  const overlap = await pointAt(page, 'mainland', 'start');
  await page.mouse.click(overlap.x + 8, overlap.y);
  const chooser = page.getByRole('menu', { name: 'Highlights here' });
  await expect(chooser.getByRole('menuitem')).toHaveCount(2);
  await chooser.getByRole('menuitem', { name: /^mainland/ }).click();
  const toolbar = page.getByRole('toolbar', { name: 'Highlight' });
  await expect(toolbar.getByRole('button', { name: 'Make purple' })).toHaveAttribute('aria-pressed', 'true');
  await toolbar.getByRole('button', { name: 'Make green' }).click();
  await expect.poll(async () => Object.keys(await paintedHighlights(page)).sort()).toEqual(['green', 'pink']);

  await page.mouse.click(overlap.x + 8, overlap.y);
  await chooser.getByRole('menuitem', { name: /^A tidal island/ }).click();
  await toolbar.getByRole('button', { name: 'Delete' }).click();
  await expect(notebook(page).getByTestId('notebook-entry')).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(notebook(page).getByTestId('notebook-entry')).toHaveCount(2);
  await expect.poll(async () => Object.keys(await paintedHighlights(page)).sort()).toEqual(['green', 'pink']);
});
