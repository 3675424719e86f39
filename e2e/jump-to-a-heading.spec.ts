/**
 * Jumps from the contents in a long article, as on a Wikipedia page: many
 * headings, and pictures without stated sizes that arrive after the jump and
 * push the text down. Each jump must leave its heading at the top, just under
 * the reader's bar, once the pictures are in.
 */
import { dropFiles } from './support/drop';
import { usePictureSite } from './support/picture-site';
import { notebook } from './support/reader';
import { expect, test } from './support/lectern';

const TITLE = 'Harbours of the Northern Isles';
const HEADINGS = [
  'Geography',
  'Early history',
  'The herring years',
  'Harbour works',
  'Ferries and mail',
  'Lighthouses',
  'Decline and revival',
  'In literature',
];
/** The gap a heading may keep below the bar: a breathing space, the same for every jump. */
const MAX_GAP_PX = 24;

const { picture: pictureAt } = usePictureSite();

/** A long article: each section has pictures with no width or height, between paragraphs. */
function longArticle(): string {
  const paragraph = (section: number, n: number) =>
    `<p>Section ${section + 1}, paragraph ${n + 1}: the harbour wall was raised again after the winter storms, and the boats that wintered inside it were counted by the harbour master each spring.</p>`;
  const picture = (section: number, n: number) =>
    `<img src="${pictureAt(`${section}${n}`, 180 + ((section * 3 + n) % 5) * 90)}" alt="Harbour ${section + 1}.${n + 1}">`;
  const sections = HEADINGS.map((heading, section) => {
    const body = Array.from(
      { length: 6 },
      (_, n) => paragraph(section, n) + (n % 2 ? picture(section, n) : ''),
    );
    return `<h2>${heading}</h2>\n${body.join('\n')}`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title></head>
<body><article><h1>${TITLE}</h1>${picture(9, 0)}${paragraph(-1, 0)}${sections.join('\n')}
<h2>References</h2>${Array.from({ length: 20 }, (_, n) => paragraph(9, n)).join('\n')}</article></body></html>`;
}

test('a jump from the contents leaves the heading under the bar once late pictures are in', async ({
  lectern,
}) => {
  // Nine openings of a long article, each waiting for its pictures.
  test.setTimeout(180_000);
  const { page } = lectern;
  await dropFiles(page, [{ name: 'harbours.html', mimeType: 'text/html', content: longArticle() }]);
  const row = page.getByRole('list', { name: 'Articles' }).getByRole('link', { name: new RegExp(TITLE) });
  // The first import starts the workers and fetches every picture: it takes a while.
  await expect(row).toBeVisible({ timeout: 30_000 });
  // The stored pictures reach the reader only when the test lets them, after
  // the jump, as over a poor connection (routing also turns the HTTP cache off).
  let letPicturesIn = () => {};
  let picturesHeld = Promise.resolve();
  const holdPictures = () => (picturesHeld = new Promise((resolve) => (letPicturesIn = resolve)));
  await page.route('**/asset/**', async (route) => {
    const response = await route.fetch();
    await picturesHeld;
    const headers = { ...response.headers(), 'cache-control': 'no-store' };
    await route.fulfill({ response, headers }).catch(() => undefined);
  });

  const content = page.getByTestId('article-content');
  for (const heading of HEADINGS) {
    holdPictures();
    await row.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    await notebook(page).getByRole('tab', { name: 'Contents' }).click();
    // The jump is made while the pictures are still on their way.
    const waiting = await content.evaluate(
      (node) => [...node.querySelectorAll('img')].filter((img) => !img.complete).length,
    );
    expect(waiting, `pictures still coming at the jump to ${heading}`).toBeGreaterThan(0);
    await notebook(page).getByRole('button', { name: heading, exact: true }).click();
    await page.evaluate(stillScrollY);
    letPicturesIn();
    await expect
      .poll(() => content.evaluate((node) => [...node.querySelectorAll('img')].every((img) => img.complete)))
      .toBe(true);
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );

    const gap = await page.evaluate((name) => {
      const target = [...document.querySelectorAll('[data-testid="article-content"] h2')].find(
        (h) => h.textContent === name,
      );
      const bar = document.querySelector('.reader-bar');
      if (!target || !bar) return NaN;
      return target.getBoundingClientRect().top - bar.getBoundingClientRect().bottom;
    }, heading);
    expect(gap, `${heading} lands under the bar`).toBeGreaterThanOrEqual(-2);
    expect(gap, `${heading} lands under the bar`).toBeLessThanOrEqual(MAX_GAP_PX);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
    // A fresh page forgets the pictures it decoded, so the next opening waits for them again.
    await page.reload();
  }

  // The person's own scroll wins: the pin lets go, and the pictures arriving
  // afterwards do not pull the page back to the heading.
  holdPictures();
  await row.click();
  await notebook(page).getByRole('tab', { name: 'Contents' }).click();
  await notebook(page).getByRole('button', { name: HEADINGS[4], exact: true }).click();
  await page.mouse.move(400, 400);
  await page.mouse.wheel(0, 600);
  const scrolled = await page.evaluate(stillScrollY);
  letPicturesIn();
  await expect
    .poll(() => content.evaluate((node) => [...node.querySelectorAll('img')].every((img) => img.complete)))
    .toBe(true);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await page.evaluate(stillScrollY)).toBe(scrolled);
});

/** The window's scroll once it has stopped moving for a few frames (a wheel scroll glides). */
function stillScrollY(): Promise<number> {
  return new Promise((done) => {
    let last = -1;
    let still = 0;
    const step = () => {
      still = window.scrollY === last ? still + 1 : 0;
      last = window.scrollY;
      if (still >= 5) done(last);
      else requestAnimationFrame(step);
    };
    step();
  });
}
