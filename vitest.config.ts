import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte({ configFile: false })],
  resolve: { alias: { '@shared': resolve('electron/shared') } },
  test: {
    include: [
      'build/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.ts',
      'e2e/bench/**/*.test.ts',
      'extension/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
  },
});
