/**
 * The `lectern` fixture: a temporary library folder and a way to open Lectern
 * on it, and to restart it there. In the browser shell (the default) that is a
 * backend process plus a Chromium page; with LECTERN_E2E_SHELL=electron it is
 * the real Electron app, for machines where Electron's binary is present.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, _electron as electron, type Page } from '@playwright/test';
import { startBackend, type RunningBackend } from './backend';

export interface Lectern {
  libraryDir: string;
  /** The window showing Lectern; replaced by restart(). */
  page: Page;
  /** Stops the backend (or the app) and starts a new one on the same library. */
  restart(): Promise<Page>;
}

const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));
const useElectron = process.env.LECTERN_E2E_SHELL === 'electron';

export const test = base.extend<{ lectern: Lectern }>({
  lectern: async ({ browser }, use) => {
    const libraryDir = await mkdtemp(join(tmpdir(), 'lectern-e2e-'));
    let stopCurrent: () => Promise<void> = async () => undefined;

    async function open(): Promise<Page> {
      if (useElectron) {
        const app = await electron.launch({ args: [PROJECT_DIR, '--library', libraryDir] });
        stopCurrent = () => app.close();
        return app.firstWindow();
      }
      const backend: RunningBackend = await startBackend(libraryDir);
      const context = await browser.newContext();
      stopCurrent = async () => {
        await context.close();
        await backend.stop();
      };
      const page = await context.newPage();
      await page.goto(backend.url);
      return page;
    }

    const lectern: Lectern = {
      libraryDir,
      page: await open(),
      async restart() {
        await stopCurrent();
        lectern.page = await open();
        return lectern.page;
      },
    };
    await use(lectern);
    await stopCurrent();
    await rm(libraryDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
