// Linting, and the layering of DESIGN.md section 1 as import rules
// (electron/layering.test.ts checks the same rules without ESLint).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const layer = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default ts.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  layer(
    ['electron/shared/**'],
    [
      { group: ['electron', 'node:*', 'fs', 'path', 'os', 'crypto'], message: 'shared/ is platform-free.' },
      {
        group: ['../core/*', '../main/*', '../preload/*', '../host/*'],
        message: 'shared/ imports only shared/.',
      },
    ],
  ),
  layer(['electron/core/**'], [{ group: ['electron'], message: 'core/ runs in plain Node: no Electron.' }]),
  {
    files: ['extension/src/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
  },
  layer(
    ['extension/src/**'],
    [
      {
        group: [
          '**/electron/core/**',
          '**/electron/main/**',
          '**/electron/preload/**',
          '**/electron/host/**',
          '**/renderer/**',
          'node:*',
        ],
        message: 'The clipper runs in the browser and shares only electron/shared with Lectern.',
      },
    ],
    ['extension/src/**/*.test.ts'],
  ),
  layer(
    ['renderer/**'],
    [
      {
        group: [
          '**/electron/core/**',
          '**/electron/main/**',
          '**/electron/preload/**',
          '**/electron/host/**',
          'electron',
          'node:*',
        ],
        message: 'The renderer reaches the backend only through electron/shared and the API client.',
      },
    ],
  ),
);
