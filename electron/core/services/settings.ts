/** SettingsApi: the reader's settings, kept in lectern.json (library/library-file.ts). */
import type { SettingsApi } from '../../shared/api';
import type { ReaderSettings } from '../../shared/settings';
import type { ServiceContext } from './context';

export function settingsService({ library }: ServiceContext): SettingsApi {
  return {
    async getSettings() {
      return library.file.readerSettings();
    },

    async updateSettings(patch: Partial<ReaderSettings>) {
      return library.file.updateReaderSettings(patch);
    },
  };
}
