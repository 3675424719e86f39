/**
 * Links and selections dragged from a browser or pasted: a link is fetched
 * (here from a local server), a selection is saved as a clip with its source
 * address, and a link that cannot be reached is kept, shown with its address,
 * and filled in by Retry once its server answers, or by itself when the
 * window opens or the network comes back.
 */
import { createServer } from 'node:net';
import { articlePage, startTestSite } from '../electron/core/import/fixtures/web-server';
import { dropData, dropFiles, paste } from './support/drop';
import { expectImportSummary } from './support/import-summary';
import { expect, test } from './support/lectern';
import { highlightText, notebook, paintedHighlights } from './support/reader';
import { useTestSite } from './support/test-site';

test.describe.configure({ timeout: 120_000 });

const site = useTestSite();

test('a dragged link and a pasted link are fetched; the same link again is a duplicate', async ({
  lectern,
}) => {
  const { page } = lectern;
  await dropData(page, { 'text/uri-list': site.url('/good'), 'text/plain': site.url('/good') });
  const notice = page.getByRole('status').filter({ hasText: 'Added to your library' });
  await expect(notice).toContainText('Ferry Letters');

  await paste(page, { 'text/plain': site.url('/other') });
  await expect(page.getByRole('status').filter({ hasText: 'Harbour Office' })).toBeVisible();

  await paste(page, { 'text/plain': `${site.url('/good')}?utm_source=newsletter#top` });
  const duplicate = page.getByRole('status').filter({ hasText: 'Already in your library' });
  await expect(duplicate).toContainText('is already saved as “Ferry Letters”');
  await duplicate.getByRole('button', { name: 'Open it' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ferry Letters');
  await expect(page.getByRole('list', { name: 'Articles' })).toHaveCount(0);
});

test('a dragged selection and a pasted clip are saved with their structure and source', async ({
  lectern,
}) => {
  const { page } = lectern;
  await dropData(page, {
    'text/html':
      '<h2>Tide Notes</h2><p>The <b>spring</b> tide rose higher than the harbour wall.</p><ul><li>gulls</li><li>terns</li></ul>',
    'text/plain': 'Tide Notes\nThe spring tide rose higher than the harbour wall.\ngulls\nterns',
    'text/uri-list': 'https://coast.example/notes',
  });
  await expect(page.getByRole('status').filter({ hasText: 'Tide Notes' })).toBeVisible();

  await paste(page, {
    'text/plain':
      'Share this Story\nThe Ferry Strike\nBy Jane Doe\nJune 3, 2022\n\nThe ferry did not sail for a week, and the island ran out of milk.\n\nAdvertisement\n\nRelated Articles',
  });
  await expect(page.getByRole('status').filter({ hasText: 'The Ferry Strike' })).toBeVisible();

  const articles = page.getByRole('list', { name: 'Articles' }).getByRole('link');
  await articles.filter({ hasText: 'Tide Notes' }).click();
  const content = page.getByTestId('article-content');
  await expect(content.getByRole('listitem')).toHaveText(['gulls', 'terns']);
  await expect(page.getByText('coast.example', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /Open original/ })).toHaveAttribute('href', /coast\.example/);
  await page.keyboard.press('Escape');

  await articles.filter({ hasText: 'The Ferry Strike' }).click();
  await expect(page.getByText('Jane Doe')).toBeVisible();
  await expect(page.getByTestId('article-content')).toHaveText(
    'The ferry did not sail for a week, and the island ran out of milk.',
  );
});

test('a dropped page and a dragged selection keep the pictures they name by web address', async ({
  lectern,
}) => {
  const { page } = lectern;
  const asked = site.requests.length;
  await dropFiles(page, [
    {
      name: 'letters.html',
      mimeType: 'text/html',
      content: articlePage('Harbour Letters', `<img src="${site.url('/pic.png')}" alt="The ferry">`),
    },
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Harbour Letters' })).toBeVisible();
  await dropData(page, {
    'text/html': `<p>${'The ferry left at dawn with the mail and two calves. '.repeat(3)}</p><img src="${site.url('/pic.png')}" alt="Calves">`,
    'text/plain': 'The ferry left at dawn with the mail and two calves.',
  });
  await expect(page.getByRole('status').filter({ hasText: 'The ferry left at dawn' })).toBeVisible();

  const articles = page.getByRole('list', { name: 'Articles' }).getByRole('link');
  for (const [title, alt] of [
    ['Harbour Letters', 'The ferry'],
    ['The ferry left at dawn', 'Calves'],
  ] as const) {
    await articles.filter({ hasText: title }).click();
    const picture = page.getByTestId('article-content').getByRole('img', { name: alt });
    // Stored with the article: the reader shows it from the library, never from the web.
    await expect(picture).not.toHaveAttribute('src', /^http/);
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await page.keyboard.press('Escape');
  }
  expect(site.requests.slice(asked)).toEqual(['/pic.png', '/pic.png']);
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('an unreachable link is kept as pending with its address, and Retry fetches it later', async ({
  lectern,
}) => {
  const { page } = lectern;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/good`;
  await dropData(page, { 'text/uri-list': url, 'text/plain': url });

  const notice = page.getByRole('status').filter({ hasText: 'Link kept to fetch later' });
  await expect(notice).toContainText(`${url} could not be reached`);
  const row = page.getByRole('list', { name: 'Articles' }).getByRole('link');
  await expect(row).toContainText('Not fetched yet');
  await notice.getByRole('button', { name: 'Show it' }).click();

  const pending = page.getByTestId('pending-article');
  await expect(pending).toContainText('This link has not been saved yet');
  await expect(pending).toContainText(url);
  // Nothing is known of the page yet, so its facts line holds only the link.
  await expect(page.locator('.article-header .facts')).toHaveText(/^\s*Open original/);
  await pending.getByRole('button', { name: 'Retry' }).click();
  // The retry must have failed before the server starts, or it may succeed.
  await expect(pending).toContainText(/Tried again at \d/);
  await expect(pending).toContainText('could not be reached');

  const late = await startTestSite(port);
  try {
    await pending.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ferry Letters');
    await expect(pending).toBeHidden();
    await expect(page.getByTestId('article-content')).toContainText(
      'The ferry timetable changed every spring',
    );
    // The text filled in is the reader's own: it can be highlighted at once.
    await highlightText(page, 'kept in a drawer', 'harbour office', 'yellow');
    await expect
      .poll(async () => (await paintedHighlights(page)).yellow)
      .toEqual(['kept in a drawer at the harbour office']);
  } finally {
    await late.close();
  }
});

test('a picture a dropped page could not keep is fetched from the reader later, around its highlights', async ({
  lectern,
}) => {
  const { page } = lectern;
  const port = await freePort();
  const lamp = `<img src="http://127.0.0.1:${port}/pic.png" alt="The lamp">`;
  await dropFiles(page, [
    { name: 'lamps.html', mimeType: 'text/html', content: articlePage('Lamp Keepers', lamp) },
  ]);
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('link', { name: /Lamp Keepers/ })
    .click();
  const content = page.getByTestId('article-content');
  await expect(content.getByRole('img', { name: 'Image not saved: The lamp' })).toBeVisible();
  await highlightText(page, 'kept in a drawer', 'harbour office', 'yellow');

  const line = page.getByTestId('missing-images');
  await expect(line).toHaveText(/^1 image was not saved when this was imported\.\s*Fetch them$/);
  await line.getByRole('button', { name: 'Fetch them' }).click();
  await expect(line).toContainText(/1 image could not be fetched at \d/);

  const late = await startTestSite(port);
  try {
    await line.getByRole('button', { name: 'Try again' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: '1 image saved with the article' }),
    ).toBeVisible();
    const picture = content.getByRole('img', { name: 'The lamp' });
    await expect(picture).not.toHaveAttribute('src', /^http/);
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await expect(line).toBeHidden();
    await expect
      .poll(async () => (await paintedHighlights(page)).yellow)
      .toEqual(['kept in a drawer at the harbour office']);
    await expect(notebook(page).getByTestId('notebook-entry')).toHaveCount(1);
  } finally {
    await late.close();
  }
});

test('links saved while offline are fetched when the window opens and when the network returns', async ({
  lectern,
}) => {
  let page = lectern.page;
  const [first, second] = [await freePort(), await freePort()];
  for (const port of [first, second]) {
    await dropData(page, { 'text/uri-list': `http://127.0.0.1:${port}/good` });
    await expect(
      page.getByRole('status').filter({ hasText: 'Link kept to fetch later' }).first(),
    ).toBeVisible();
  }
  const rows = () => page.getByRole('list', { name: 'Articles' }).getByRole('link');
  await expect(rows().filter({ hasText: 'Not fetched yet' })).toHaveCount(2);

  const servers = [await startTestSite(first)];
  try {
    page = await lectern.restart();
    await expect(page.getByRole('status').filter({ hasText: 'A saved link was fetched' })).toContainText(
      'Ferry Letters',
    );
    await expect(rows().filter({ hasText: 'Not fetched yet' })).toHaveCount(1);

    servers.push(await startTestSite(second));
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(rows().filter({ hasText: 'Not fetched yet' })).toHaveCount(0);
    await expect(rows().filter({ hasText: 'Ferry Letters' })).toHaveCount(2);
  } finally {
    for (const server of servers) await server.close();
  }
});

test('links that fail are named with their reason', async ({ lectern }) => {
  const { page } = lectern;
  await dropData(page, {
    'text/uri-list': [
      site.url('/missing'),
      site.url('/broken'),
      site.url('/loop-a'),
      site.url('/image'),
      site.url('/archive'),
    ].join('\r\n'),
  });
  await expectImportSummary(page, [
    '5 failed',
    '/missing was not found (HTTP 404)',
    '/broken answered with an error (HTTP 500)',
    '/loop-a redirects in a loop',
    '/image serves an image (image/png), not an article',
    '/archive serves a download (application/zip), not an article',
  ]);
});
