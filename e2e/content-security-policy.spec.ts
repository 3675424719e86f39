/**
 * The Content-Security-Policy where it takes effect: in the built renderer's
 * index.html (the meta tag Electron's lectern-app: pages and the browser
 * shell both carry), in the browser shell's response headers, and in a live
 * page, where an inline script injected after load must not run.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from './support/lectern';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
} from '../electron/shared/content-security-policy';

const BUILT_INDEX = fileURLToPath(new URL('../out/renderer/index.html', import.meta.url));

test('the built index.html carries the policy and nothing inline or remote', async () => {
  const html = await readFile(BUILT_INDEX, 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
  expect(html).not.toContain('%LECTERN_CSP%');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(body?.trim()).toBe('');
    expect(attributes).toMatch(/src="\.?\/assets\/[^"]+\.js"/);
  }
  expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  expect(html).not.toMatch(/\son[a-z]+=/i);
});

test('the browser shell sends the policy with every response', async ({ lectern }) => {
  const { page } = lectern;
  const request = page.request;
  const origin = new URL(page.url()).origin;
  const index = await request.get(`${origin}/`);
  expect(index.status()).toBe(200);
  expect(index.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(index.headers()['x-content-type-options']).toBe('nosniff');
  const script = /src="\.?(\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
  const asset = await request.get(`${origin}${script}`);
  expect(asset.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  const refused = await request.get(`${origin}/asset/not-an-id/x.png`);
  expect(refused.status()).toBe(404);
  expect(refused.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
});

test('an inline script injected into the running page does not run', async ({ lectern }) => {
  const { page } = lectern;
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__lecternCanary = "inline";';
    document.body.append(script);
    const image = document.createElement('img');
    image.setAttribute('onerror', 'window.__lecternCanary = "handler";');
    image.src = 'data:,broken';
    document.body.append(image);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return (window as { __lecternCanary?: string }).__lecternCanary ?? null;
  });
  expect(ran).toBeNull();
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});
