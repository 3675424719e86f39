/**
 * The clip endpoint as the web clipper uses it, with requests built by hand:
 * a browser pairs (the person checks the code and clicks Allow in Lectern's
 * window), clips a page with one image part, and the article appears with
 * its picture in assets/; once revoked in Settings, its next clip is refused.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { clipBody, pageClip, send } from '../electron/core/clip/fixtures/clip-requests';
import { pngBytes } from '../electron/core/import/fixtures/images';
import type { ClipRequest } from '../electron/shared/clip-protocol';
import { expect, test } from './support/lectern';

test.use({ clipPort: 0 });

const EXTENSION = 'lecternclipperextensionidabcdefg';
const ORIGIN = `chrome-extension://${EXTENSION}`;

test('a browser pairs, clips a page with its image, and is refused once revoked', async ({ lectern }) => {
  const page = lectern.page;
  expect(lectern.clipUrl).not.toBeNull();
  const port = Number(new URL(lectern.clipUrl ?? '').port);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your library is empty');

  const started = await send(port, '/pair', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify({ browser: 'Chrome', extensionId: EXTENSION }),
  });
  const { pairingId, code } = started.body as { pairingId: string; code: string };
  const dialog = page.getByRole('dialog', { name: `Allow Chrome, extension ${EXTENSION}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('pairing-code')).toHaveText(code);
  await dialog.getByRole('button', { name: 'Allow' }).click();
  await expect(dialog).toBeHidden();
  const allowed = (await send(port, `/pair/${pairingId}`, { headers: { Origin: ORIGIN } })).body;
  const { token } = allowed as { token: string };

  const postClip = (clip: ClipRequest) => {
    const { body, contentType } = clipBody(clip, { 'image-0': pngBytes(90) });
    return send(port, '/clip', {
      method: 'POST',
      headers: { 'Content-Type': contentType, Authorization: `Bearer ${token}`, Origin: ORIGIN },
      body,
    });
  };
  const saved = await postClip(pageClip({ tags: ['coast'] }));
  expect(saved.status).toBe(200);
  const { id } = saved.body as { id: string };
  await expect(page.getByText('Added to your library')).toBeVisible();
  const articles = page.getByRole('list', { name: 'Articles' }).getByRole('link');
  await expect(articles.filter({ hasText: 'Watching the tide' })).toBeVisible();
  const assets = await readdir(join(lectern.libraryDir, 'articles', id, 'assets'));
  expect(assets).toHaveLength(1);
  await articles.filter({ hasText: 'Watching the tide' }).click();
  await expect(page.getByTestId('article-content').locator(`img[src*="${assets[0]}"]`)).toHaveCount(1);

  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Web clipper' });
  await expect(section.getByTestId('clipper-endpoint')).toContainText(`port ${port}`);
  const browsers = section.getByRole('list', { name: 'Paired browsers' });
  await expect(browsers).toContainText(`Chrome ${EXTENSION}`);
  await expect(browsers).toContainText('last used');
  await browsers.getByRole('button', { name: 'Revoke' }).click();
  await expect(section).toContainText('No browser is paired');

  const refused = await postClip(pageClip({ url: 'https://news.example/after-revoking' }));
  expect(refused.status).toBe(401);
});
