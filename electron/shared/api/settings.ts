/** The reader's settings (theme, typography), kept in lectern.json. */
import type { ReaderSettings } from '../settings';

export interface SettingsApi {
  /** The reader's settings, with defaults for anything unset. Errors: library-unavailable. */
  getSettings(): Promise<ReaderSettings>;
  /** Changes some settings and returns them all. Errors: invalid-argument, library-unavailable. */
  updateSettings(patch: Partial<ReaderSettings>): Promise<ReaderSettings>;
}

export const SETTINGS_METHODS: Record<keyof SettingsApi, true> = {
  getSettings: true,
  updateSettings: true,
};
