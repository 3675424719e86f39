/**
 * The `lectern` fixture: a temporary library folder and a way to open Lectern
 * on it, and to restart it there. In the browser shell (the default) that is a
 * backend process plus a Chromium page; with LECTERN_E2E_SHELL=electron it is
 * the real Electron app, for machines where Electron's binary is present.
 *
 * Most specs start from one of two places, so those are fixtures too:
 * `library` is the page with the three text clips in the list, `reader` the
 * page with the long reader article open. A spec that restarts the app takes
 * `lectern` beside them, for restart() and the page that follows.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, _electron as electron, type Page } from '@playwright/test';
import { clipPortEnv, startBackend, type ClipPort, type RunningBackend } from './backend';
import { addClips } from '../fixtures/clips';
import { openReaderArticle } from './reader';

export interface Lectern {
  libraryDir: string;
  /** The window showing Lectern; replaced by restart(). */
  page: Page;
  /**
   * The clip endpoint's address, when the spec asked for one with
   * `test.use({ clipPort })` and it listens (the browser shell says where; in
   * Electron only a fixed port is known).
   */
  clipUrl: string | null;
  /** Stops the backend (or the app) and starts a new one on the same library. */
  restart(): Promise<Page>;
}

const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));
const useElectron = process.env.LECTERN_E2E_SHELL === 'electron';

interface Fixtures {
  lectern: Lectern;
  clipPort: ClipPort;
  outDir: string;
  /** Lectern's page with the three text clips added (fixtures/clips.ts). */
  library: Page;
  /** Lectern's page with the long reader article open (support/reader.ts). */
  reader: Page;
}

export const test = base.extend<Fixtures>({
  /** The clip endpoint is off unless a spec asks (see support/backend.ts's ClipPort). */
  clipPort: ['off', { option: true }],
  lectern: async ({ browser, clipPort }, use) => {
    const libraryDir = await mkdtemp(join(tmpdir(), 'lectern-e2e-'));
    let stopCurrent: () => Promise<void> = async () => undefined;

    async function open(): Promise<{ page: Page; clipUrl: string | null }> {
      if (useElectron) {
        const app = await electron.launch({
          args: [PROJECT_DIR, '--library', libraryDir],
          env: clipPortEnv(clipPort) as Record<string, string>,
        });
        stopCurrent = () => app.close();
        const fixed = typeof clipPort === 'number' && clipPort > 0;
        return { page: await app.firstWindow(), clipUrl: fixed ? `http://127.0.0.1:${clipPort}` : null };
      }
      const backend: RunningBackend = await startBackend(libraryDir, { clipPort });
      const context = await browser.newContext();
      stopCurrent = async () => {
        await context.close();
        await backend.stop();
      };
      const page = await context.newPage();
      await page.goto(backend.url);
      return { page, clipUrl: backend.clipUrl };
    }

    const lectern: Lectern = {
      libraryDir,
      ...(await open()),
      async restart() {
        await stopCurrent();
        Object.assign(lectern, await open());
        return lectern.page;
      },
    };
    await use(lectern);
    await stopCurrent();
    await rm(libraryDir, { recursive: true, force: true });
  },
  library: async ({ lectern }, use) => {
    await addClips(lectern.page);
    await use(lectern.page);
  },
  reader: async ({ lectern }, use) => {
    await openReaderArticle(lectern.page);
    await use(lectern.page);
  },
  /** A temporary folder outside the library for what a spec saves (exports, backups), removed after it. */
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern: none.
  outDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'lectern-e2e-out-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
