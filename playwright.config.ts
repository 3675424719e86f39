import { defineConfig } from '@playwright/test';
import { CHROMIUM_INSTALL_HINT, findChromium } from './electron/host/find-chromium';

const chromium = process.env.LECTERN_E2E_SHELL === 'electron' ? null : findChromium();
if (process.env.LECTERN_E2E_SHELL !== 'electron' && !chromium) throw new Error(CHROMIUM_INSTALL_HINT);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium ?? undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
