/**
 * Moving from another app: an export of each family is dropped or chosen,
 * its links are fetched from the spec's own 127.0.0.1 site, and the list,
 * tags, archive and favourite state, original dates and highlights arrive,
 * with a report. The fixtures are written here in each format's shape.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ArticleMeta } from '../electron/shared/article';
import { zipBytes } from '../electron/core/import/fixtures/zip';
import { expect, test } from './support/lectern';
import { dropFiles } from './support/drop';
import { useTestSite } from './support/test-site';
import { notebook } from './support/reader';

const site = useTestSite();
// A sentence of the test site's pages (web-server.ts), to highlight.
const QUOTE = 'a calf born on the car deck';
const seconds = (iso: string) => Math.round(Date.parse(iso) / 1000);

async function records(libraryDir: string): Promise<ArticleMeta[]> {
  const folder = join(libraryDir, 'articles');
  return Promise.all(
    (await readdir(folder)).map(
      async (id) => JSON.parse(await readFile(join(folder, id, 'article.json'), 'utf8')) as ArticleMeta,
    ),
  );
}

const byUrl = (metas: ArticleMeta[], path: string) => metas.find((meta) => meta.url === site.url(path))!;
const articles = (page: Page) => page.getByRole('list', { name: 'Articles' }).getByRole('link');
const report = (page: Page) => page.getByTestId('app-import-report');

async function chooseExport(page: Page, name: string, content: string | Uint8Array) {
  await page.getByRole('button', { name: 'Import from another app…' }).first().click();
  await expect(page.getByTestId('app-import-chooser')).toContainText('Instapaper');
  await page
    .getByTestId('app-import-file')
    .setInputFiles({ name, mimeType: '', buffer: Buffer.from(content) });
}

test('a Pocket zip with annotations comes in whole, its links fetched, and stays after a restart', async ({
  lectern,
}) => {
  let page = lectern.page;
  const csv =
    'title,url,time_added,tags,status\n' +
    `Ferry Letters saved,${site.url('/good-ferry')},1500000000,travel|sea,archive\n` +
    `Harbour,${site.url('/other')},1500000100,sea,unread\n` +
    `Lost page,${site.url('/missing')},1500000200,old,unread\n` +
    'Bad,javascript:alert(1),1500000300,,unread\n';
  const annotations = JSON.stringify([
    { url: site.url('/good-ferry'), title: 'F', highlights: [{ quote: QUOTE, created_at: 1500000500 }] },
  ]);
  await dropFiles(page, [
    {
      name: 'pocket.zip',
      mimeType: 'application/zip',
      content: zipBytes([
        { name: 'part_000000.csv', content: csv },
        { name: 'annotations/part_000000.json', content: annotations },
      ]),
    },
  ]);
  await expect(report(page)).toContainText('Imported from Pocket');
  await expect(page.getByTestId('app-import-counts')).toHaveText(
    '3 added, 3 links to fetch, 1 failed, 1 highlight (1 to place)',
  );
  await expect(report(page)).toContainText('pocket.zip › part_000000.csv, line 5');
  await expect(report(page)).toContainText('Fetched 3 of 3', { timeout: 20_000 });
  await expect(report(page)).toContainText('Kept as links');
  const download = page.waitForEvent('download');
  await report(page).getByRole('button', { name: 'Save report…' }).click();
  const saved = await readFile(await (await download).path(), 'utf8');
  expect(saved).toContain('Pocket export pocket.zip: 3 added');
  expect(saved).toMatch(/kept link {2}Lost page .*HTTP 404/);

  // The Inbox lists the two not archived.
  await expect(articles(page)).toHaveCount(2);
  const sidebar = page.getByRole('navigation', { name: 'Library' });
  await expect(sidebar.getByRole('link', { name: /Archive\s+1/ })).toBeVisible();
  const metas = await records(lectern.libraryDir);
  const ferry = byUrl(metas, '/good-ferry');
  expect(ferry).toMatchObject({ status: 'archived', tags: ['travel', 'sea'] });
  expect(ferry.pending).toBeUndefined();
  expect(seconds(ferry.addedAt)).toBe(1500000000);
  expect(ferry.source.importedFrom).toMatchObject({ service: 'pocket', file: 'pocket.zip' });
  expect(ferry.highlights[0]?.target.selector[1].end).toBeGreaterThan(0);
  const lost = byUrl(metas, '/missing');
  expect(lost).toMatchObject({ title: 'Lost page', tags: ['old'], status: 'inbox' });
  expect(lost.pending?.reason).toMatch(/HTTP 404/);

  page = await lectern.restart();
  await expect(articles(page)).toHaveCount(2);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('link', { name: /Archive\s+1/ })
    .click();
  await articles(page).first().click();
  await expect(notebook(page).getByTestId('notebook-entry')).toHaveCount(1);
  await expect(notebook(page)).toContainText(QUOTE);
});

test('an Instapaper CSV chosen in the panel keeps folders, stars and dates; importing it again adds nothing', async ({
  lectern,
}) => {
  const page = lectern.page;
  const csv =
    'URL,Title,Selection,Folder,Timestamp,Tags\n' +
    `${site.url('/good-insta')},Ferry,,Starred,1600000000,"[""boats""]"\n` +
    `${site.url('/other')},Harbour,,Recipes,1600000100,[]\n`;
  await chooseExport(page, 'instapaper-export.csv', csv);
  await expect(page.getByTestId('app-import-counts')).toHaveText('2 added, 2 links to fetch');
  await expect(report(page)).toContainText('Fetched 2 of 2', { timeout: 20_000 });
  const metas = await records(lectern.libraryDir);
  expect(byUrl(metas, '/good-insta')).toMatchObject({ favorite: true, tags: ['boats'] });
  expect(byUrl(metas, '/other')).toMatchObject({ tags: ['Recipes'] });
  expect(seconds(byUrl(metas, '/other').addedAt)).toBe(1600000100);

  await report(page).getByRole('button', { name: 'Close the report' }).click();
  await chooseExport(page, 'instapaper-export.csv', csv);
  await expect(page.getByTestId('app-import-counts')).toHaveText(
    '0 added, 2 already in the library (merged)',
  );
  await expect(articles(page)).toHaveCount(2);
});

test('an Omnivore zip and a wallabag file bring their own content and highlights', async ({ lectern }) => {
  const page = lectern.page;
  const omnivore = zipBytes([
    {
      name: 'metadata_0_to_1.json',
      content: JSON.stringify([
        {
          slug: 'tides',
          title: 'On Tides',
          author: 'Ann Reid',
          url: 'https://omnivore.invalid/tides',
          state: 'Archived',
          labels: ['sea'],
          savedAt: '2023-04-05T06:07:08.000Z',
          readingProgress: 40,
        },
      ]),
    },
    { name: 'content/tides.html', content: '<p>The tide turns twice a day along this coast.</p>' },
    { name: 'highlights/tides.md', content: '> tide turns twice\n\nworth remembering' },
  ]);
  await dropFiles(page, [{ name: 'omnivore-export.zip', mimeType: 'application/zip', content: omnivore }]);
  await expect(page.getByTestId('app-import-counts')).toHaveText('1 added, 1 highlight');
  await report(page).getByRole('button', { name: 'Close the report' }).click();

  const wallabag = JSON.stringify([
    {
      title: 'Lanterns',
      url: 'https://wallabag.invalid/lanterns',
      is_archived: 0,
      is_starred: 1,
      tags: ['light'],
      created_at: '2019-02-03T04:05:06+0000',
      content: '<p>The lanterns were lit at dusk by the keeper.</p>',
      annotations: [{ quote: 'lit at dusk', text: 'every night', ranges: [] }],
    },
  ]);
  await dropFiles(page, [{ name: 'wallabag.json', mimeType: 'application/json', content: wallabag }]);
  await expect(report(page)).toContainText('Imported from wallabag');
  // Omnivore's article is archived: the Inbox lists wallabag's.
  await expect(articles(page)).toHaveCount(1);

  const metas = await records(lectern.libraryDir);
  const tides = metas.find((meta) => meta.title === 'On Tides')!;
  expect(tides).toMatchObject({ status: 'archived', tags: ['sea'], byline: 'Ann Reid', progress: 0.4 });
  expect(tides.addedAt).toBe('2023-04-05T06:07:08.000Z');
  const lanterns = metas.find((meta) => meta.title === 'Lanterns')!;
  expect(lanterns).toMatchObject({ favorite: true, status: 'inbox', tags: ['light'] });
  expect(lanterns.highlights[0]).toMatchObject({ note: 'every night' });

  await articles(page).filter({ hasText: 'Lanterns' }).click();
  await expect(page.getByTestId('article-content')).toContainText('The lanterns were lit at dusk');
  await expect(notebook(page)).toContainText('every night');
});

test('a bookmarks file is told from a saved page by its content; folders become nested tags', async ({
  lectern,
}) => {
  const page = lectern.page;
  const bookmarks = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
  <DT><H3 ADD_DATE="1400000000">Reading</H3>
  <DL><p>
    <DT><H3>Boats</H3>
    <DL><p>
      <DT><A HREF="${site.url('/good-bookmark')}" ADD_DATE="1400000001">Ferry</A>
    </DL><p>
  </DL><p>
</DL><p>
`;
  await dropFiles(page, [{ name: 'bookmarks.html', mimeType: 'text/html', content: bookmarks }]);
  await expect(report(page)).toContainText('Imported from Browser bookmarks');
  await expect(report(page)).toContainText('Fetched 1 of 1', { timeout: 20_000 });
  const [meta] = await records(lectern.libraryDir);
  expect(meta).toMatchObject({ tags: ['Reading/Boats'], url: site.url('/good-bookmark') });
  expect(seconds(meta!.addedAt)).toBe(1400000001);
  expect(meta!.source.importedFrom?.service).toBe('netscape');
});
