/**
 * The extension's three bundles, built with plain Vite: the popup (an HTML
 * page with its Svelte app), the background and the page script. The last two
 * are single classic scripts (IIFE): Firefox's background scripts and
 * scripting.executeScript both take classic scripts, and one file each keeps
 * the bundles free of chunks to load. Nothing is minified, so the stores'
 * reviewers read the code as written.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';

const SOURCE = fileURLToPath(new URL('../src/', import.meta.url));

function script(entry: string, fileName: string, outDir: string): InlineConfig {
  return {
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      lib: { entry: resolve(SOURCE, entry), formats: ['iife'], name: 'lectern', fileName: () => fileName },
    },
  };
}

export function extensionBuilds(outDir: string): InlineConfig[] {
  return [
    {
      configFile: false,
      publicDir: false,
      logLevel: 'warn',
      root: resolve(SOURCE, 'popup'),
      base: './',
      // 'tree' builds the popup's DOM node by node: no innerHTML, which the stores' linters flag.
      plugins: [svelte({ configFile: false, compilerOptions: { fragments: 'tree' } })],
      build: {
        outDir,
        emptyOutDir: true,
        minify: false,
        rolldownOptions: { input: resolve(SOURCE, 'popup/popup.html') },
      },
    },
    script('background/main.ts', 'background.js', outDir),
    script('page/main.ts', 'page.js', outDir),
  ];
}
