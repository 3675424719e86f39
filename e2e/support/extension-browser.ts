/**
 * A Chromium with the built clipper loaded, the way a person loads it
 * unpacked: a persistent profile in a temporary folder and
 * `--load-extension`. Extensions need the new headless mode, so the browser
 * is launched "headed" with `--headless=new`. The popup is opened as a page,
 * `popup.html?tab=<id>`, which runs the same code as the toolbar button.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { findChromium } from '../../electron/host/find-chromium';
import config from '../../playwright.config';
import type { BackgroundCall } from '../../extension/src/messages';

/** The one extension API the spec calls inside the background (the spec's own types have no `chrome`). */
declare const chrome: {
  tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> } };
  action: { getBadgeText(details: object): Promise<string> };
};

const EXTENSION_DIR = fileURLToPath(new URL('../../out/extension/chromium', import.meta.url));

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's background service worker, to read its storage. */
  background: Worker;
  extensionId: string;
  /** The browser's id for the tab showing `page`. */
  tabIdOf(page: Page): Promise<number>;
  /** Opens the clipper's popup acting on `page`'s tab. */
  openPopup(page: Page): Promise<Page>;
  /** Sends `message` from the popup to the background, as the popup's own code does, and answers its reply. */
  callFromPopup(popup: Page, message: BackgroundCall): Promise<unknown>;
  /** How many clips the extension's outbox holds, waiting or refused. */
  waiting(): Promise<number>;
  /** The toolbar badge's text across tabs. */
  badge(): Promise<string>;
  close(): Promise<void>;
}

export async function launchWithExtension(): Promise<ExtensionBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'lectern-clipper-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium() ?? undefined,
    headless: false,
    args: [
      '--headless=new',
      ...(config.use?.launchOptions?.args ?? []),
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(background.url()).host;

  const tabIdOf = async (page: Page): Promise<number> => {
    const url = page.url();
    const id = await background.evaluate(
      async (address) => (await chrome.tabs.query({})).find((tab) => tab.url === address)?.id,
      url,
    );
    if (id === undefined) throw new Error(`no tab shows ${url}`);
    return id;
  };

  return {
    context,
    background,
    extensionId,
    tabIdOf,
    async openPopup(page) {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(page)}`);
      return popup;
    },
    callFromPopup: (popup, message) => popup.evaluate((sent) => chrome.runtime.sendMessage(sent), message),
    waiting: () =>
      background.evaluate(
        async () =>
          Object.keys(await chrome.storage.local.get(null)).filter((key) => key.startsWith('outbox:')).length,
      ),
    badge: () => background.evaluate(() => chrome.action.getBadgeText({})),
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
