import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './electron/shared/content-security-policy';

/** Writes the one Content-Security-Policy (shared/content-security-policy.ts) into index.html. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'lectern-csp',
    transformIndexHtml: (html) => html.replace('%LECTERN_CSP%', META_CONTENT_SECURITY_POLICY),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The import pool's and the index pool's workers are entries of their own, found beside
      // index.js at run time (core/workers/worker-script.ts).
      rolldownOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          'prepare-worker': resolve('electron/core/import/workers/prepare-worker.ts'),
          'index-worker': resolve('electron/core/search/index-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preload scripts cannot be ES modules.
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    resolve: { alias: { '@shared': resolve('electron/shared') } },
    plugins: [svelte({ configFile: false }), contentSecurityPolicy()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
});
