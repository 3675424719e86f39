/**
 * `npm run icons`: renders the one source drawing, resources/icon.svg, into
 * every icon the packages need, in build/ (electron-builder's build
 * resources): PNGs for Linux, icon.ico for Windows, icon.icns for macOS, and
 * a 1024-pixel icon.png. Chromium (the one the tests use) does the rendering,
 * so the result matches what the browser shows for the same SVG. The outputs
 * are committed; run this again after changing the drawing.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_INSTALL_HINT, findChromium } from '../electron/host/find-chromium';
import { PROJECT_DIR } from '../electron/host/renderer-dir';
import { ICNS_TYPES, packIcns, packIco, type SizedPng } from './icon-containers';

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const ICNS_SIZES = Object.keys(ICNS_TYPES).map(Number);

async function render(svg: string, sizes: number[]): Promise<Map<number, Uint8Array>> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_INSTALL_HINT);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const rendered = new Map<number, Uint8Array>();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
      );
      rendered.set(size, await page.screenshot({ omitBackground: true, type: 'png' }));
    }
    return rendered;
  } finally {
    await browser.close();
  }
}

function pick(rendered: Map<number, Uint8Array>, sizes: number[]): SizedPng[] {
  return sizes.map((size) => ({ size, png: rendered.get(size) as Uint8Array }));
}

async function main(): Promise<void> {
  const svg = await readFile(join(PROJECT_DIR, 'resources', 'icon.svg'), 'utf8');
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_SIZES])].sort((a, b) => a - b);
  const rendered = await render(svg, sizes);
  const build = join(PROJECT_DIR, 'build');
  await mkdir(join(build, 'icons'), { recursive: true });
  for (const { size, png } of pick(rendered, LINUX_SIZES)) {
    await writeFile(join(build, 'icons', `${size}x${size}.png`), png);
  }
  await writeFile(join(build, 'icon.png'), rendered.get(1024) as Uint8Array);
  await writeFile(join(build, 'icon.ico'), packIco(pick(rendered, ICO_SIZES)));
  await writeFile(join(build, 'icon.icns'), packIcns(pick(rendered, ICNS_SIZES)));
  console.log(`Icons written to ${build}: ${sizes.join(', ')} pixels.`);
}

main().catch((error: unknown) => {
  console.error(`The icons could not be made: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
