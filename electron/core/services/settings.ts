/** SettingsApi: the reader's settings, in lectern.json under `settings.reader`. */
import type { SettingsApi } from '../../shared/api';
import { readSettings, type ReaderSettings } from '../../shared/settings';
import type { ServiceContext } from './context';

const KEY = 'reader';

export function settingsService({ library, events }: ServiceContext): SettingsApi {
  return {
    async getSettings() {
      return readSettings(library.setting(KEY));
    },

    async updateSettings(patch: Partial<ReaderSettings>) {
      const settings = readSettings({ ...readSettings(library.setting(KEY)), ...patch });
      await library.putSetting(KEY, settings);
      events.emit({ type: 'settings-changed', settings });
      return settings;
    },
  };
}
