/**
 * DESIGN.md section 1, checked on the source itself: every import in core/,
 * shared/ and renderer/ is read with a regular expression and held against
 * its layer's rule. eslint.config.js states the same rules as
 * no-restricted-imports; this test keeps them true even where lint is not run,
 * and also checks where relative imports land, which a pattern cannot.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORE = join(PROJECT, 'electron', 'core');
const SHARED = join(PROJECT, 'electron', 'shared');
const RENDERER = join(PROJECT, 'renderer');

/** The module names a source text imports: static, re-exported, side-effect and dynamic. */
function importsOf(source: string): string[] {
  // Comments can mention imports without making them.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[\w*{}\s,$]*?\s*\bfrom\s*(['"])([^'"]+)\1/g,
    // A side-effect import starts a statement; "import" inside a path does not count.
    /(?:^|[;\n])\s*import\s*(['"])([^'"]+)\1/g,
    /\bimport\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g,
  ];
  const found: string[] = [];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) found.push(match[2] as string);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:ts|svelte)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const isTest = (file: string) => /\.test\.ts$/.test(file);
const isInside = (dir: string, path: string) => path === dir || path.startsWith(`${dir}${sep}`);
const isElectron = (name: string) => name === 'electron' || name.startsWith('electron/');
const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (name: string) =>
  name.startsWith('node:') || NODE_BUILTINS.has(name) || NODE_BUILTINS.has(name.split('/')[0] as string);

type Rule = (name: string, file: string) => string | null;

function violations(files: string[], rule: Rule): string[] {
  const found: string[] = [];
  for (const file of files) {
    for (const name of importsOf(readFileSync(file, 'utf8'))) {
      const reason = rule(name, file);
      if (reason) found.push(`${relative(PROJECT, file)} imports '${name}': ${reason}`);
    }
  }
  return found;
}

const coreRule: Rule = (name) => (isElectron(name) ? 'core/ runs in plain Node, without Electron' : null);

const sharedRule: Rule = (name, file) => {
  // Pure computation, no platform: schema checking and approximate string search.
  if (name === 'valibot' || name === 'approx-string-match') return null;
  // Test support in shared/testing/ is loaded only by tests, which run under Vitest.
  if (name === 'vitest' && isInside(join(SHARED, 'testing'), file)) return null;
  if (name.startsWith('.')) {
    return isInside(SHARED, resolve(dirname(file), name)) ? null : 'shared/ imports only from shared/';
  }
  return 'shared/ imports nothing platform-specific: only shared/ files, valibot and approx-string-match';
};

const rendererRule: Rule = (name, file) => {
  if (isElectron(name)) return 'the renderer never imports Electron';
  if (isNodeBuiltin(name)) return 'the renderer has no Node built-ins';
  if (name.startsWith('@shared/')) {
    return isInside(SHARED, resolve(SHARED, name.slice('@shared/'.length)))
      ? null
      : '@shared/ paths must stay inside electron/shared';
  }
  if (name.startsWith('@shared')) return 'use @shared/<file>';
  if (name.startsWith('.') || name.startsWith('/')) {
    return isInside(RENDERER, resolve(dirname(file), name))
      ? null
      : 'project code outside renderer/ is reached only through @shared/';
  }
  return null;
};

describe('importsOf', () => {
  it.each<[string, string, string[]]>([
    ['a named import', "import { a, b } from './x';", ['./x']],
    ['a type import across lines', "import type {\n  A,\n  B,\n} from '../shared/api';", ['../shared/api']],
    ['a default and namespace import', 'import x, * as y from "electron";', ['electron']],
    ['a re-export', "export { a } from './a';\nexport * from './b';", ['./a', './b']],
    ['a side-effect import', "import 'node:fs';", ['node:fs']],
    ['a dynamic import', "const m = await import('electron');", ['electron']],
    ['a dynamic import with backticks', 'await import(`node:path`)', ['node:path']],
    [
      'a Svelte script block',
      '<script lang="ts">\n  import A from \'./A.svelte\';\n</script>',
      ['./A.svelte'],
    ],
    ['commented-out imports', "// import x from 'electron';\n/* import('node:fs') */", []],
    ['a string that only mentions from', "const s = 'taken from the page';", []],
  ])('finds the imports in %s', (_label, source, expected) => {
    expect(importsOf(source)).toEqual(expected);
  });
});

describe('layering (DESIGN.md section 1)', () => {
  it('finds the source files it checks', () => {
    expect(sourceFiles(CORE).map((file) => relative(CORE, file))).toContain(join('library', 'library.ts'));
    expect(sourceFiles(SHARED).map((file) => relative(SHARED, file))).toContain('api.ts');
    expect(sourceFiles(RENDERER).some((file) => file.endsWith('.svelte'))).toBe(true);
    expect(importsOf(readFileSync(join(SHARED, 'client.ts'), 'utf8'))).toEqual(['./api', './errors']);
  });

  // Test files run under Vitest in Node, not in the layer's own runtime: only
  // core, which runs in Node too, holds its tests to its rule.
  it.each<[string, string, Rule, 'with tests' | 'without tests']>([
    ['keeps electron/core free of Electron', CORE, coreRule, 'with tests'],
    ['keeps electron/shared free of anything platform-specific', SHARED, sharedRule, 'without tests'],
    [
      'lets renderer/ reach project code only through @shared and its own files',
      RENDERER,
      rendererRule,
      'without tests',
    ],
  ])('%s', (_name, folder, rule, tests) => {
    const files = sourceFiles(folder).filter((file) => tests === 'with tests' || !isTest(file));
    expect(violations(files, rule)).toEqual([]);
  });

  // main/'s decisions are pure modules tested without Electron; only this glue may use its values.
  it('keeps Electron values in the few glue files of electron/main', () => {
    const GLUE = ['app-protocol.ts', 'desktop-app.ts', 'index.ts', 'window.ts'];
    const main = join(PROJECT, 'electron', 'main');
    const valueImports = sourceFiles(main)
      .filter((file) => !isTest(file) && !GLUE.includes(relative(main, file)))
      .filter((file) => /^import\s+(?!type\b)[^;]*\bfrom\s+'electron'/m.test(readFileSync(file, 'utf8')));
    expect(valueImports.map((file) => relative(PROJECT, file))).toEqual([]);
  });

  it.each<[string, Rule, string, string]>([
    ['core importing electron', coreRule, 'electron', join(CORE, 'x.ts')],
    ['core importing an electron subpath', coreRule, 'electron/main', join(CORE, 'x.ts')],
    ['shared importing node:fs', sharedRule, 'node:fs', join(SHARED, 'x.ts')],
    ['shared importing a bare built-in', sharedRule, 'path', join(SHARED, 'x.ts')],
    ['shared importing electron', sharedRule, 'electron', join(SHARED, 'x.ts')],
    ['shared importing core', sharedRule, '../core/service', join(SHARED, 'x.ts')],
    ['shared importing another package', sharedRule, 'lowdb', join(SHARED, 'x.ts')],
    ['the renderer importing electron', rendererRule, 'electron', join(RENDERER, 'src', 'x.ts')],
    ['the renderer importing node:path', rendererRule, 'node:path', join(RENDERER, 'src', 'x.ts')],
    ['the renderer importing fs', rendererRule, 'fs', join(RENDERER, 'src', 'x.ts')],
    [
      'the renderer reaching into core',
      rendererRule,
      '../../electron/core/service',
      join(RENDERER, 'src', 'x.ts'),
    ],
    [
      'the renderer escaping through @shared',
      rendererRule,
      '@shared/../core/service',
      join(RENDERER, 'src', 'x.ts'),
    ],
  ])('reports %s', (_label, rule, name, file) => {
    expect(rule(name, file)).toEqual(expect.any(String));
  });

  it.each<[string, Rule, string, string]>([
    ['shared importing shared', sharedRule, './errors', join(SHARED, 'x.ts')],
    ['shared importing valibot', sharedRule, 'valibot', join(SHARED, 'x.ts')],
    ['core importing node:fs', coreRule, 'node:fs', join(CORE, 'x.ts')],
    ['the renderer importing @shared', rendererRule, '@shared/api', join(RENDERER, 'src', 'x.ts')],
    [
      'the renderer importing its own file',
      rendererRule,
      '../state/router.svelte',
      join(RENDERER, 'src', 'a', 'x.ts'),
    ],
    ['the renderer importing svelte', rendererRule, 'svelte', join(RENDERER, 'src', 'x.ts')],
  ])('allows %s', (_label, rule, name, file) => {
    expect(rule(name, file)).toBeNull();
  });
});
