import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { workerInputsPath } from './electron/core/workers/built-worker';
import { META_CONTENT_SECURITY_POLICY } from './electron/shared/content-security-policy';

/** Writes the one Content-Security-Policy (shared/content-security-policy.ts) into index.html. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'lectern-csp',
    transformIndexHtml: (html) => html.replace('%LECTERN_CSP%', META_CONTENT_SECURITY_POLICY),
  };
}

/**
 * Lists the source files each worker was built from, beside it, so a
 * process running from source uses a built worker only while it is
 * current (electron/core/workers/built-worker.ts).
 */
function workerInputs(): Plugin {
  return {
    name: 'lectern-worker-inputs',
    generateBundle(_options, bundle) {
      for (const name of ['prepare-worker', 'index-worker']) {
        const entry = Object.values(bundle).find(
          (output) => output.type === 'chunk' && output.isEntry && output.name === name,
        );
        if (!entry) continue;
        const seen = new Set<string>();
        const files = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (seen.has(fileName) || chunk?.type !== 'chunk') return;
          seen.add(fileName);
          for (const id of chunk.moduleIds) if (existsSync(id)) files.add(relative(process.cwd(), id));
          [...chunk.imports, ...chunk.dynamicImports].forEach(visit);
        };
        visit(entry.fileName);
        this.emitFile({
          type: 'asset',
          fileName: relative('out/main', workerInputsPath(name)),
          source: JSON.stringify([...files].sort(), null, 1),
        });
      }
    },
  };
}

/** The import pipeline's packages that are bundled into the build (see externalizeDeps below). */
const IMPORT_PARSERS = ['linkedom', '@mozilla/readability', 'parse5', 'markdown-it', 'undici'];

export default defineConfig({
  main: {
    plugins: [workerInputs()],
    build: {
      outDir: 'out/main',
      // Bundled rather than loaded from node_modules: an import worker then
      // loads a few files instead of resolving and reading some hundreds,
      // about a third of a cold worker's start. jsdom (the export's) stays
      // out: it reads files beside its own modules.
      externalizeDeps: { exclude: IMPORT_PARSERS },
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
