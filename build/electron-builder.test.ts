/**
 * The packaging configuration, checked where Electron cannot be downloaded:
 * electron-builder's own loader and schema validation (the same code that
 * runs in `npm run dist`), the targets and integrations docs/packaging.md promises, and
 * the list of files its own matcher would put in the package.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher.js';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PROJECT = dirname(dirname(fileURLToPath(import.meta.url)));
const ASSOCIATED = ['html', 'htm', 'mhtml', 'epub', 'pdf', 'txt', 'md'];

let config: Configuration;

async function validate(candidate: Configuration): Promise<void> {
  await validateConfiguration(structuredClone(candidate), new DebugLogger(false));
}

/** Every file under `root` that electron-builder's matcher for `files` lets into the app. */
async function packagedFiles(root: string): Promise<string[]> {
  const [matcher] =
    getFileMatchers(config, 'files', 'app', {
      macroExpander: (pattern) => pattern,
      customBuildOptions: {},
      globalOutDir: join(root, 'dist'),
      defaultSrc: root,
    }) ?? [];
  if (!matcher) throw new Error('electron-builder.yml has no files patterns');
  const filter = matcher.createFilter();
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      // electron-builder copies node_modules itself, production dependencies only (checked below).
      if (dir === root && ['node_modules', '.git'].includes(name)) continue;
      const info = await stat(path);
      if (!filter(path, info)) continue;
      if (info.isDirectory()) await walk(path);
      else found.push(relative(root, path).split(sep).join('/'));
    }
  }
  await walk(root);
  return found.sort();
}

beforeAll(async () => {
  config = await getConfig(PROJECT, 'electron-builder.yml', null);
});

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('is really checked: a misspelt option is refused', async () => {
    await expect(validate({ ...config, asarr: true } as Configuration)).rejects.toThrow(/asarr/);
    await expect(
      validate({ ...config, protocols: [{ schemes: ['lectern'] }] } as Configuration),
    ).rejects.toThrow(/name/);
  });

  it('names the app and packs it into an asar archive', () => {
    expect(config.appId).toBe('app.lectern.desktop');
    expect(config.productName).toBe('Lectern');
    expect(config.asar).toBe(true);
  });

  it('builds AppImage and deb, an NSIS installer, and dmg and zip', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.win?.target).toEqual(['nsis']);
    const mac = config.mac?.target as { target: string; arch: string[] }[];
    expect(mac.map((entry) => entry.target)).toEqual(['dmg', 'zip']);
    expect(config.mac?.category).toBe('public.app-category.productivity');
  });

  it('points every platform at icons that exist and come from the one drawing', async () => {
    await expect(stat(join(PROJECT, 'resources', 'icon.svg'))).resolves.toBeTruthy();
    for (const file of [config.win?.icon, config.mac?.icon, 'build/icon.png']) {
      const info = await stat(join(PROJECT, file as string));
      expect(info.size).toBeGreaterThan(0);
    }
    const linuxIcons = await readdir(join(PROJECT, config.linux?.icon as string));
    expect(linuxIcons).toEqual(expect.arrayContaining(['16x16.png', '256x256.png', '512x512.png']));
  });

  it('offers “Open with Lectern” for every kind of file Lectern imports', () => {
    const extensions = (config.fileAssociations as { ext: string | string[]; mimeType: string }[]).flatMap(
      (association) => {
        expect(association.mimeType).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
        return association.ext;
      },
    );
    expect(extensions.sort()).toEqual([...ASSOCIATED].sort());
  });

  it('registers the lectern:// scheme', () => {
    expect(config.protocols).toEqual([expect.objectContaining({ schemes: ['lectern'] })]);
  });
});

describe('what the package contains', () => {
  // A project tree with one of everything that must stay out, and a build's output.
  let fake: string;
  const TREE: Record<string, string> = {
    'package.json': '{}',
    'out/main/index.js': '',
    'out/main/index.js.map': '',
    'out/preload/index.cjs': '',
    'out/renderer/index.html': '',
    'out/renderer/assets/index-abc.js': '',
    'out/renderer/assets/index-abc.css': '',
    'out/renderer/assets/types.d.ts': '',
    'out/cli/lectern.js': '',
    'electron/main/index.ts': '',
    'electron/main/policy.test.ts': '',
    'renderer/src/App.svelte': '',
    'e2e/import-by-drop.spec.ts': '',
    'e2e/fixtures/pages.ts': '',
    'resources/icon.svg': '',
    'build/icon.png': '',
    'scripts/icons.ts': '',
    'README.md': '',
    'electron-builder.yml': '',
    'tsconfig.json': '',
    '.env': '',
    'dist/Lectern.AppImage': '',
    'test-results/trace.zip': '',
  };

  beforeAll(async () => {
    fake = await mkdtemp(join(tmpdir(), 'lectern-package-'));
    for (const [file, text] of Object.entries(TREE)) {
      await mkdir(dirname(join(fake, file)), { recursive: true });
      await writeFile(join(fake, file), text);
    }
  });

  afterAll(async () => {
    await rm(fake, { recursive: true, force: true });
  });

  it('is the built app and package.json, nothing else', async () => {
    expect(await packagedFiles(fake)).toEqual([
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/assets/index-abc.css',
      'out/renderer/assets/index-abc.js',
      'out/renderer/index.html',
      'package.json',
    ]);
  });

  it('takes nothing but built output and package.json from this project', async () => {
    const files = await packagedFiles(PROJECT);
    expect(files).toContain('package.json');
    expect(files.filter((file) => file !== 'package.json' && !file.startsWith('out/'))).toEqual([]);
    expect(files.filter((file) => /\.(map|d\.ts|test\.ts|spec\.ts|svelte)$/.test(file))).toEqual([]);
  });

  it('starts from the built main process', async () => {
    const pkg = JSON.parse(await readFile(join(PROJECT, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('carries only runtime dependencies: every one is imported by code that ships', async () => {
    const pkg = JSON.parse(await readFile(join(PROJECT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const sources = await readdir(join(PROJECT, 'electron'), { recursive: true, withFileTypes: true });
    const shipped = await Promise.all(
      sources
        .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name))
        .filter((entry) => !entry.parentPath.includes(`${sep}host`))
        .map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
    );
    for (const name of Object.keys(pkg.dependencies)) {
      expect(
        shipped.some((text) => text.includes(`'${name}'`) || text.includes(`'${name}/`)),
        `${name} is a dependency but no shipped code imports it`,
      ).toBe(true);
    }
    for (const tool of ['electron', 'electron-builder', 'electron-vite', 'vite', 'vitest', 'svelte']) {
      expect(Object.keys(pkg.dependencies)).not.toContain(tool);
    }
  });
});
