/**
 * What the desktop app remembers about this machine, as opposed to the
 * library: where the library is, the window's place and size, and the theme
 * picked from the View menu. It lives in the user-data folder (never in the
 * library, which may be synced to another machine with other screens), as
 * preferences.json. A damaged or unreadable file means defaults, not a
 * failed start.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { SerialQueue } from '../../shared/async';
import { writeFileAtomic } from '../files/atomic-write';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

const windowState = v.object({
  x: v.pipe(v.number(), v.integer()),
  y: v.pipe(v.number(), v.integer()),
  width: v.pipe(v.number(), v.integer(), v.minValue(1)),
  height: v.pipe(v.number(), v.integer(), v.minValue(1)),
  maximized: v.boolean(),
});

const preferencesSchema = v.object({
  libraryDir: v.optional(v.pipe(v.string(), v.minLength(1))),
  theme: v.optional(v.picklist(THEME_CHOICES), 'system'),
  window: v.optional(windowState),
});

export type WindowState = v.InferOutput<typeof windowState>;
export type DesktopPreferences = v.InferOutput<typeof preferencesSchema>;

export function preferencesFile(userDataDir: string): string {
  return join(userDataDir, 'preferences.json');
}

/** Reads the preferences, keeping each valid field and defaulting the rest. */
export async function loadPreferences(file: string): Promise<DesktopPreferences> {
  let stored: unknown;
  try {
    stored = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    stored = {};
  }
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const kept: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(preferencesSchema.entries)) {
    if (v.is(schema, record[key])) kept[key] = record[key];
  }
  return v.parse(preferencesSchema, kept);
}

export async function savePreferences(file: string, preferences: DesktopPreferences): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(v.parse(preferencesSchema, preferences), null, 2)}\n`);
}

/**
 * Serializes read-change-write cycles on one preferences file, so the
 * window's bounds saved on close and a theme picked a moment before never
 * overwrite each other.
 */
export class PreferencesStore {
  readonly #updates = new SerialQueue();

  constructor(readonly file: string) {}

  load(): Promise<DesktopPreferences> {
    return loadPreferences(this.file);
  }

  update(change: (preferences: DesktopPreferences) => DesktopPreferences): Promise<DesktopPreferences> {
    return this.#updates.run(async () => {
      const updated = change(await loadPreferences(this.file));
      await savePreferences(this.file, updated);
      return updated;
    });
  }
}
