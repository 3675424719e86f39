import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPreferences, preferencesFile, PreferencesStore, savePreferences } from './desktop-preferences';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-prefs-'));
  file = preferencesFile(dir);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const WINDOW = { x: 10, y: 20, width: 1200, height: 800, maximized: false };

describe('desktop preferences', () => {
  it('start with the system theme and nothing else when the file is missing', async () => {
    expect(await loadPreferences(file)).toEqual({ theme: 'system' });
  });

  it('round-trip through preferences.json', async () => {
    await savePreferences(file, { theme: 'dark', libraryDir: '/books', window: WINDOW });
    expect(await loadPreferences(file)).toEqual({ theme: 'dark', libraryDir: '/books', window: WINDOW });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ theme: 'dark' });
  });

  it.each([
    ['torn JSON', '{ "theme": "dark"'],
    ['not an object', '[1, 2]'],
    ['null', 'null'],
  ])('fall back to defaults for %s', async (_label, text) => {
    await writeFile(file, text);
    expect(await loadPreferences(file)).toEqual({ theme: 'system' });
  });

  it('keep the valid fields of a partly damaged file', async () => {
    await writeFile(
      file,
      JSON.stringify({ theme: 'neon', libraryDir: '/books', window: { ...WINDOW, width: 'wide' } }),
    );
    expect(await loadPreferences(file)).toEqual({ theme: 'system', libraryDir: '/books' });
  });

  it('apply concurrent updates one after the other, losing none', async () => {
    const store = new PreferencesStore(file);
    await Promise.all([
      store.update((prefs) => ({ ...prefs, theme: 'light' })),
      store.update((prefs) => ({ ...prefs, window: WINDOW })),
      store.update((prefs) => ({ ...prefs, libraryDir: '/books' })),
    ]);
    expect(await store.load()).toEqual({ theme: 'light', window: WINDOW, libraryDir: '/books' });
  });
});
