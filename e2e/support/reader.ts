/**
 * What the reader specs need beyond clicks: where a phrase is on screen (to
 * drag a selection over it with the real mouse), which text each painted
 * highlight covers, and which block of the article is at the top of the view.
 */
import { expect, type Page } from '@playwright/test';
import type { HighlightColor } from '../../electron/shared/annotation';
import { READER_TITLE, readerPage } from '../fixtures/reader-article';
import { dropFiles } from './drop';

/** Drops the long reader fixture on the library and opens it. */
export async function openReaderArticle(page: Page): Promise<void> {
  await dropFiles(page, [{ name: 'tidal-islands.html', mimeType: 'text/html', content: readerPage() }]);
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('link', { name: new RegExp(READER_TITLE) })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(READER_TITLE);
}

/** The reader's side panel: notebook and contents. */
export const notebook = (page: Page) => page.getByRole('complementary', { name: 'Notebook and contents' });

/** Viewport point at the start (or end) of the first occurrence of `phrase` in the article. */
export async function pointAt(
  page: Page,
  phrase: string,
  edge: 'start' | 'end',
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ phrase, edge }) => {
      const root = document.querySelector('[data-testid="article-content"]') as Element;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.nodeValue ?? '').indexOf(phrase);
        if (at < 0) continue;
        const range = document.createRange();
        const char = edge === 'start' ? at : at + phrase.length - 1;
        range.setStart(node, char);
        range.setEnd(node, char + 1);
        const rect = range.getBoundingClientRect();
        return { x: edge === 'start' ? rect.left + 1 : rect.right - 1, y: rect.top + rect.height / 2 };
      }
      throw new Error(`“${phrase}” is not in one text node of the article`);
    },
    { phrase, edge },
  );
}

/** Drags the real mouse from the start of `from` to the end of `to`. */
export async function dragSelect(page: Page, from: string, to: string): Promise<void> {
  // Blocks that come into view take their real height over the next frames
  // (content-visibility), moving the text below them: measure until it stays put.
  let start = await pointAt(page, from, 'start');
  let end = await pointAt(page, to, 'end');
  for (let tries = 0; tries < 20; tries++) {
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const [nextStart, nextEnd] = [await pointAt(page, from, 'start'), await pointAt(page, to, 'end')];
    const still = JSON.stringify([nextStart, nextEnd]) === JSON.stringify([start, end]);
    [start, end] = [nextStart, nextEnd];
    if (still) break;
  }
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
}

/** Drags a selection from `from` to `to` and takes the selection toolbar's `colour`. */
export async function highlightText(
  page: Page,
  from: string,
  to: string,
  colour: HighlightColor,
): Promise<void> {
  await dragSelect(page, from, to);
  await page.getByRole('button', { name: `Highlight ${colour}` }).click();
}

/** The text under each painted highlight, by colour, sorted. */
export async function paintedHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const result: Record<string, string[]> = {};
    for (const color of ['yellow', 'green', 'blue', 'pink', 'purple']) {
      const highlight = CSS.highlights.get(`lectern-${color}`);
      const texts = highlight ? [...highlight].map((range) => range.toString()) : [];
      if (texts.length > 0) result[color] = texts.sort();
    }
    return result;
  });
}

/**
 * Clicks a painted highlight on `word` and returns its toolbar. Waits for the
 * paint first: a highlight is painted once its save comes back, and a click
 * before that lands on plain text.
 */
export async function openHighlight(page: Page, word: string) {
  await expect
    .poll(async () =>
      Object.values(await paintedHighlights(page))
        .flat()
        .some((text) => text.includes(word)),
    )
    .toBe(true);
  const at = await pointAt(page, word, 'start');
  await page.mouse.click(at.x + 10, at.y);
  const toolbar = page.getByRole('toolbar', { name: 'Highlight' });
  await expect(toolbar).toBeVisible();
  return toolbar;
}

/** The text of the first article block not hidden under the reader's bar. */
export async function topBlock(page: Page): Promise<string> {
  return page.evaluate(() => {
    const bar = document.querySelector('.reader-bar')?.getBoundingClientRect().bottom ?? 0;
    const blocks = document.querySelectorAll(
      '[data-testid="article-content"] :is(p, li, h2, h3, blockquote)',
    );
    for (const block of blocks) {
      if (block.getBoundingClientRect().bottom > bar + 16) return block.textContent ?? '';
    }
    return '';
  });
}

/**
 * Brings the heading to the top and reads a line on (j), then returns the
 * block at the top once the scroll and the blocks coming into view have
 * settled, over a few frames: the same block twice in a row.
 */
export async function readOnFrom(page: Page, heading: string): Promise<string> {
  await page.getByRole('heading', { name: heading }).evaluate((el) => el.scrollIntoView());
  await page.keyboard.press('j');
  let reading = '';
  await expect
    .poll(async () => {
      const now = await topBlock(page);
      const same = now === reading;
      reading = now;
      return same;
    })
    .toBe(true);
  return reading;
}
