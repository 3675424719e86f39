/**
 * Finds a Chromium to drive: LECTERN_CHROMIUM, then Playwright's own download,
 * then the usual system installs. Used by `npm start` (to open the browser
 * shell in app mode) and by the end-to-end tests.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const FIXED_PATHS = [
  '/usr/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export const CHROMIUM_INSTALL_HINT =
  'No Chromium found. Install one (Debian/Ubuntu: "apt-get install -y chromium") or point LECTERN_CHROMIUM at a Chromium or Chrome executable.';

function playwrightChromium(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core') as { chromium: { executablePath(): string } };
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

export function findChromium(): string | null {
  const chosen = process.env.LECTERN_CHROMIUM;
  if (chosen) return existsSync(chosen) ? chosen : null;
  return (
    playwrightChromium() ??
    FIXED_PATHS.find((path) => existsSync(path)) ??
    SYSTEM_NAMES.map(onPath).find((path) => path !== null) ??
    null
  );
}
