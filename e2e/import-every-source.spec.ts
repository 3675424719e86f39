/**
 * Every kind of file a person drops, alone or in a folder, becomes an
 * article: saved pages with their images (folder, MHTML, data: URIs),
 * Markdown, PDF, EPUB, and a .url link file fetched from a local server.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { epubBytes } from '../electron/core/import/fixtures/epub';
import { pngBytes, pngDataUri } from '../electron/core/import/fixtures/images';
import { mhtmlBytes } from '../electron/core/import/fixtures/mhtml';
import { flow, pdfBytes } from '../electron/core/import/fixtures/pdf';
import { dropFiles, dropTree } from './support/drop';
import { expect, test } from './support/lectern';
import { useTestSite } from './support/test-site';

// Parsing PDFs and EPUBs on a busy machine takes a while: give these specs room.
test.describe.configure({ timeout: 180_000 });

const site = useTestSite();

const BODY =
  'The island school had eleven pupils and one teacher, who taught every subject from the same desk by the window.';
const page = (title: string, extra = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><nav>Home · Subscribe</nav><article><h1>${title}</h1>${extra}<p>${BODY}</p><p>${BODY}</p><p>${BODY}</p></article></body></html>`;

test('a folder with a saved page, its _files folder and notes imports with local images', async ({
  lectern,
}) => {
  const { page: window } = lectern;
  await dropTree(window, [
    {
      path: 'Trip/Island School.html',
      mimeType: 'text/html',
      content: page(
        'Island School',
        '<figure><img src="Island%20School_files/desk.png" alt="The desk"></figure><img src="Island%20School_files/gone.png" alt="A lost picture">',
      ),
    },
    { path: 'Trip/Island School_files/desk.png', mimeType: 'image/png', content: pngBytes(11) },
    { path: 'Trip/Island School_files/script.js', mimeType: 'text/javascript', content: 'alert(1)' },
    {
      path: 'Trip/notes/field notes.md',
      mimeType: 'text/markdown',
      content: `# Field Notes\n\n- gulls\n- terns\n\n${BODY}`,
    },
    { path: 'Trip/photo.jpg', mimeType: 'image/jpeg', content: pngBytes(12) },
  ]);

  const summary = window.getByTestId('import-summary');
  await expect(summary).toContainText('Import finished', { timeout: 45_000 });
  await expect(summary).toContainText('2 added');
  const articles = window.getByRole('list', { name: 'Articles' }).getByRole('link');
  await expect(articles).toHaveCount(2);

  await window
    .getByRole('list', { name: 'Articles' })
    .getByRole('link', { name: /^Island School/ })
    .click();
  const content = window.getByTestId('article-content');
  const image = content.locator('img');
  await expect(image).toHaveCount(1);
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(1);
  await expect(content.locator('[data-missing-image]')).toHaveAttribute(
    'aria-label',
    'Image not saved: A lost picture',
  );
  await window.keyboard.press('Escape');

  await articles.filter({ hasText: 'Field Notes' }).click();
  await expect(window.getByTestId('article-content').getByRole('listitem')).toHaveText(['gulls', 'terns']);
});

test('MHTML, Markdown, PDF, EPUB, a data: URI page and a .url link all import by drop', async ({
  lectern,
}) => {
  const { page: window } = lectern;
  await dropFiles(window, [
    {
      name: 'harbour.mhtml',
      mimeType: 'multipart/related',
      content: mhtmlBytes(
        {
          url: 'https://harbour.example/story',
          html: page('Harbour Story', '<img src="boat.png" alt="Boat">'),
        },
        [{ type: 'image/png', location: 'https://harbour.example/boat.png', bytes: pngBytes(13) }],
      ),
    },
    {
      name: 'inline.html',
      mimeType: 'text/html',
      content: page('Inline Picture', `<img src="${pngDataUri(14)}" alt="Inline">`),
    },
    {
      name: 'tides.pdf',
      mimeType: 'application/pdf',
      content: pdfBytes([
        flow([
          ['Tide Tables', 26],
          ['The sea keeps its own calendar, and the tables', 11],
          ['that predict it are older than most harbours.', 11],
        ]),
      ]),
    },
    {
      name: 'year.epub',
      mimeType: 'application/epub+zip',
      content: epubBytes({
        title: 'The Keeper’s Year',
        author: 'Ann Lamp',
        chapters: [
          { file: 'a.xhtml', body: '<h1>Spring</h1><p>The first chapter of the year.</p>' },
          { file: 'b.xhtml', body: '<h1>Summer</h1><p>The second chapter.</p>' },
        ],
      }),
    },
    { name: 'ferry.url', mimeType: '', content: `[InternetShortcut]\r\nURL=${site.url('/good')}\r\n` },
  ]);

  await expect(window.getByTestId('import-summary')).toContainText('5 added', { timeout: 45_000 });
  const articles = window.getByRole('list', { name: 'Articles' }).getByRole('link');
  await expect(articles).toHaveCount(5);
  for (const title of [
    'Harbour Story',
    'Inline Picture',
    'Tide Tables',
    'The Keeper’s Year',
    'Ferry Letters',
  ]) {
    await expect(articles.filter({ hasText: title })).toHaveCount(1);
  }

  await articles.filter({ hasText: 'Tide Tables' }).click();
  await expect(window.getByTestId('article-content')).toContainText(
    'The sea keeps its own calendar, and the tables that predict it are older than most harbours.',
  );
  await window.keyboard.press('Escape');
  await articles.filter({ hasText: 'The Keeper’s Year' }).click();
  await expect(window.getByTestId('article-content').getByRole('heading')).toHaveText(['Spring', 'Summer']);
  await window.keyboard.press('Escape');
  await articles.filter({ hasText: 'Ferry Letters' }).click();
  const picture = window.getByTestId('article-content').locator('img');
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await expect(picture).toHaveAttribute('src', /\/asset\//);

  for (const folder of await readdir(join(lectern.libraryDir, 'articles'))) {
    const files = await readdir(join(lectern.libraryDir, 'articles', folder));
    expect(files.some((file) => file.startsWith('original.'))).toBe(true);
  }
});

test('a page’s own lead image that its text leaves out is shown above the text, once', async ({
  lectern,
}) => {
  const { page: window } = lectern;
  const lead = (title: string, extra = '') =>
    page(title, extra).replace(
      '</head>',
      '<meta property="og:image" content="https://harbour.example/lead.png"></head>',
    );
  await dropFiles(window, [
    {
      name: 'left-out.mhtml',
      mimeType: 'multipart/related',
      content: mhtmlBytes({ url: 'https://harbour.example/left-out', html: lead('Lead Left Out') }, [
        { type: 'image/png', location: 'https://harbour.example/lead.png', bytes: pngBytes(21) },
      ]),
    },
    {
      name: 'opens-with.mhtml',
      mimeType: 'multipart/related',
      content: mhtmlBytes(
        {
          url: 'https://harbour.example/opens-with',
          html: lead('Lead Opens The Text', '<figure><img src="lead.png" alt="Lead"></figure>'),
        },
        [{ type: 'image/png', location: 'https://harbour.example/lead.png', bytes: pngBytes(22) }],
      ),
    },
  ]);
  const articles = window.getByRole('list', { name: 'Articles' });
  await expect(articles.getByRole('link')).toHaveCount(2, { timeout: 60_000 });

  await articles.getByRole('link', { name: /^Lead Left Out/ }).click();
  const head = window.locator('.lead-image img');
  await expect.poll(() => head.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await expect(window.getByTestId('article-content').locator('img')).toHaveCount(0);

  await window.keyboard.press('Escape');
  await articles.getByRole('link', { name: /^Lead Opens The Text/ }).click();
  await expect(window.getByTestId('article-content').locator('img')).toHaveCount(1);
  await expect(window.locator('.lead-image')).toHaveCount(0);
});
