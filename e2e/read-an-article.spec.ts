import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/lectern';
import {
  highlightText,
  notebook,
  openReaderArticle,
  paintedHighlights,
  readOnFrom,
  topBlock,
} from './support/reader';
import { QUOTE_TEXT, READER_TITLE } from './fixtures/reader-article';

test('find, contents, in-page links, keeping the place on resize, and the shortcuts sheet', async ({
  lectern,
}) => {
  const page = lectern.page;
  // The window is named for what it shows.
  await expect(page).toHaveTitle('Inbox — Lectern');
  await openReaderArticle(page);
  await expect(page).toHaveTitle(`${READER_TITLE} — Lectern`);

  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in article' });
  await expect(find).toBeFocused();
  await find.fill('sand flats');
  // The find bar sits over the text, clear of the open notebook's tabs.
  const bar = await page.getByRole('search', { name: 'Find in article' }).boundingBox();
  const tabs = await notebook(page).getByRole('tablist').boundingBox();
  expect(bar && tabs && bar.x + bar.width).toBeLessThanOrEqual(tabs?.x ?? 0);
  const count = page.getByRole('search', { name: 'Find in article' }).getByRole('status');
  await expect(count).toHaveText('1 of 8');
  await find.press('Enter');
  await expect(count).toHaveText('2 of 8');
  await find.press('Shift+Enter');
  await find.press('Shift+Enter');
  await expect(count).toHaveText('8 of 8');
  await find.press('Escape');
  await expect(find).toBeHidden();

  await page.getByRole('link', { name: 'the crossing' }).click();
  await expect(page.getByRole('heading', { name: 'The crossing' })).toBeInViewport();

  await page.keyboard.press('g');
  await notebook(page).getByRole('tab', { name: 'Contents' }).click();
  await notebook(page).getByRole('button', { name: 'Storms and silt' }).click();
  await expect(page.getByRole('heading', { name: 'Storms and silt' })).toBeInViewport();
  await expect(notebook(page).getByRole('button', { name: 'Storms and silt' })).toHaveAttribute(
    'aria-current',
    'location',
  );

  // A narrower window reflows the text; the same paragraph stays at the top.
  await page.keyboard.press('j');
  const reading = await topBlock(page);
  await page.setViewportSize({ width: 900, height: 700 });
  await expect.poll(() => topBlock(page)).toBe(reading);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(() => topBlock(page)).toBe(reading);

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Highlight the selection (last colour)');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  await page.keyboard.press('s');
  await expect(page.getByRole('button', { name: 'Favorite' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();

  // Leaving saved the paragraph being read, not the end of the article: the
  // place is taken while the article is on the page, not once it has gone.
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('link', { name: new RegExp(READER_TITLE) })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(READER_TITLE);
  await expect.poll(() => topBlock(page)).toBe(reading);
});

test('the place read is kept when the window closes right after scrolling', async ({ reader: page }) => {
  const reading = await readOnFrom(page, 'Storms and silt');
  // Within the second that saves wait for while scrolling: closing saves at once.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(READER_TITLE);
  await expect.poll(() => topBlock(page)).toBe(reading);
});

test('find brings a match out from under the find bar', async ({ reader: page }) => {
  // A word whose first occurrence sits right of the middle of its line, moved
  // to just below the reader bar, where the find bar will open over it.
  const word = await page.getByTestId('article-content').evaluate((content) => {
    const text = (content.textContent ?? '').toLowerCase();
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = node.textContent ?? '';
      for (const match of data.matchAll(/\b[a-z]{6,}\b/g)) {
        if (text.indexOf(match[0]) !== offset + match.index) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rect = range.getBoundingClientRect();
        if (rect.left < 550 || rect.right > 850) continue;
        window.scrollBy(0, rect.top - 80);
        return match[0];
      }
      offset += data.length;
    }
    return null;
  });
  expect(word).not.toBeNull();
  await page.keyboard.press('Control+f');
  await page.getByRole('searchbox', { name: 'Find in article' }).fill(word ?? '');
  const bar = await page.getByRole('search', { name: 'Find in article' }).boundingBox();
  const current = () =>
    page.evaluate(() => {
      const [range] = CSS.highlights.get('lectern-find-current') ?? [];
      return range instanceof Range ? range.getBoundingClientRect().top : null;
    });
  await expect.poll(current).toBeGreaterThan((bar?.y ?? 0) + (bar?.height ?? 0));
});

test('in a narrow window the notebook drawer and the find bar take turns over the text', async ({
  lectern,
}) => {
  const page = lectern.page;
  await page.setViewportSize({ width: 700, height: 700 });
  await openReaderArticle(page);
  const toggle = page.getByRole('button', { name: 'Notebook', exact: true });
  const find = page.getByRole('searchbox', { name: 'Find in article' });
  await toggle.click();
  await expect(notebook(page)).toBeVisible();
  await page.keyboard.press('Control+f');
  await expect(find).toBeFocused();
  await expect(notebook(page)).toBeHidden();
  await toggle.click();
  await expect(notebook(page)).toBeVisible();
  await expect(find).toBeHidden();
});

test('edited content re-anchors or orphans highlights, and the Highlights view finds them', async ({
  lectern,
  reader,
}) => {
  test.slow();
  let page = reader;
  await highlightText(page, 'The sea gives you', 'every one of them back', 'pink');
  await highlightText(page, 'Check the tide table', 'night before', 'green');
  const last = page.getByText('(What the parish kept, note 8.)');
  await last.scrollIntoViewIfNeeded();
  await highlightText(page, 'What the parish kept, note 8', 'What the parish kept, note 8', 'yellow');
  await expect(notebook(page).getByTestId('notebook-entry')).toHaveCount(3);

  // The article's text changes on disk: one passage is reworded, the other is gone.
  const [id] = await readdir(join(lectern.libraryDir, 'articles'));
  const contentPath = join(lectern.libraryDir, 'articles', id as string, 'content.html');
  const html = await readFile(contentPath, 'utf8');
  await writeFile(
    contentPath,
    html
      .replace('wants every one', 'wants each one')
      .replace('Check the tide table the night before.', 'Ask the harbour master.'),
  );
  await page.reload();
  await expect(notebook(page).getByTestId('notebook-entry')).toHaveCount(3);
  await expect
    .poll(() => paintedHighlights(page))
    .toEqual({
      pink: [QUOTE_TEXT.replace('every one', 'each one').replace(/\.$/, '')],
      yellow: ['What the parish kept, note 8'],
    });
  const orphan = notebook(page)
    .getByTestId('notebook-entry')
    .filter({ hasText: 'Not found in the article any more' });
  await expect(orphan).toContainText('Check the tide table the night before');

  page = await lectern.restart();
  await page.getByRole('link', { name: 'Highlights', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Highlights', level: 1 })).toBeVisible();
  const items = page.getByRole('list').getByRole('link');
  await expect(items).toHaveCount(3);
  await expect(items.first()).toContainText('What the parish kept, note 8');
  await page.getByText('Pink', { exact: true }).click();
  await expect(items).toHaveCount(1);
  await page.getByText('All colours').click();
  await page.getByRole('searchbox', { name: 'Search highlights and notes' }).fill('harbour nothing');
  await expect(page.getByText('No highlights match')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search highlights and notes' }).fill('parish note 8');
  await expect(items).toHaveCount(1);
  await items.first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(READER_TITLE);
  await expect(page.getByText('(What the parish kept, note 8.)')).toBeInViewport();
  await expect(page.getByTestId('article-content').getByRole('blockquote')).not.toBeInViewport();
});
