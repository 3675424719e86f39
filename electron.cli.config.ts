/**
 * Builds the `lectern` command (electron/host/cli-start.ts) into out/cli/ as
 * plain JavaScript for Node, with its import and index workers beside it:
 * run from its TypeScript source through tsx, the command spends a second or
 * two compiling and resolving some hundred modules before its first file,
 * much of a cold import's cost over a warm one. electron/host/lectern.js runs
 * this build while it is current (cli-build.ts), else the source through tsx.
 *
 * Its own build rather than an entry of electron-vite's main build: that one
 * targets Electron's Node and puts shared modules in chunks/, where a worker's
 * script, looked for beside the module starting it (worker-script.ts), is not.
 * Here every file sits in out/cli/ itself.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { CLI_INPUTS, CLI_OUT } from './electron/host/cli-build';

/** Lists every source file of the bundle (workers included) for lectern.js to check the build against. */
function cliInputs(): Plugin {
  return {
    name: 'lectern-cli-inputs',
    generateBundle(_options, bundle) {
      const files = new Set<string>();
      for (const output of Object.values(bundle))
        if (output.type === 'chunk')
          for (const id of output.moduleIds) if (existsSync(id)) files.add(relative(process.cwd(), id));
      this.emitFile({
        type: 'asset',
        fileName: relative(CLI_OUT, CLI_INPUTS),
        source: JSON.stringify([...files].sort(), null, 1),
      });
    },
  };
}

export default defineConfig({
  plugins: [cliInputs()],
  resolve: { alias: { '@shared': resolve('electron/shared') } },
  // Every package bundled but two, which read files beside their own modules
  // (jsdom its style sheets, pdf.js its worker): fewer files to find and read.
  ssr: { target: 'node', noExternal: true, external: ['jsdom', 'pdfjs-dist'] },
  build: {
    ssr: true,
    outDir: CLI_OUT,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      input: {
        lectern: resolve('electron/host/cli-start.ts'),
        'cli-build': resolve('electron/host/cli-build.ts'),
        'prepare-worker': resolve('electron/core/import/workers/prepare-worker.ts'),
        'index-worker': resolve('electron/core/search/index-worker.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
