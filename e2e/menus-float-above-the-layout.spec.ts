/**
 * Menus and popovers float above the layout: opening one moves nothing
 * under it, it is whole inside the window at every size, and Esc or a click
 * outside closes it, also after one of its controls was used.
 */
import { expect, test } from './support/lectern';
import type { Locator, Page } from '@playwright/test';
import { tagClip } from './fixtures/clips';

async function expectInsideWindow(page: Page, box: Locator) {
  const rect = await box.boundingBox();
  const viewport = page.viewportSize();
  expect(rect).not.toBeNull();
  expect(viewport).not.toBeNull();
  if (!rect || !viewport) return;
  expect(rect.x).toBeGreaterThanOrEqual(0);
  expect(rect.y).toBeGreaterThanOrEqual(0);
  expect(rect.x + rect.width).toBeLessThanOrEqual(viewport.width);
  expect(rect.y + rect.height).toBeLessThanOrEqual(viewport.height);
}

test('the tag menu opens over the sidebar without moving it, whole at both window sizes', async ({
  library: page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await tagClip(page, 'A Sourdough Diary', 'kitchen');
  const tags = page.getByRole('list', { name: 'Tags' });
  const link = tags.getByRole('link', { name: /^kitchen\s+1$/ });
  const before = await link.boundingBox();

  await tags.getByRole('listitem').filter({ hasText: 'kitchen' }).hover();
  await tags.getByRole('button', { name: 'Edit tag kitchen' }).click();
  const menu = page.getByRole('dialog', { name: 'Edit tag kitchen' });
  await expect(menu).toBeVisible();
  expect(await link.boundingBox()).toEqual(before);
  await expectInsideWindow(page, menu);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();

  await page.setViewportSize({ width: 560, height: 700 });
  await page.getByRole('button', { name: 'Show lists and tags' }).click();
  await tags.getByRole('button', { name: 'Edit tag kitchen' }).click();
  await expect(menu).toBeVisible();
  await expectInsideWindow(page, menu);
  await page.mouse.click(540, 650);
  await expect(menu).toBeHidden();
});

test('the typography panel closes on Esc and on a click outside after its controls were used', async ({
  reader: page,
}) => {
  const panel = page.getByRole('region', { name: 'Typography and theme' });
  const open = page.getByRole('button', { name: 'Typography and theme' });

  await open.click();
  await panel.getByText('Sans').click();
  await panel.getByLabel('Text size').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await open.click();
  await panel.getByText('Serif').click();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(panel).toBeHidden();

  await page.setViewportSize({ width: 560, height: 700 });
  await open.click();
  await expectInsideWindow(page, panel);
});
