/** AppApi: the version, the library's place and its options (shared/library-options.ts), for the Settings page. */
import type { AppApi } from '../../shared/api';
import type { LibraryOptions } from '../../shared/library-options';
import { APP_VERSION } from '../export/app-version';
import { defaultExportFolder } from '../export/export-folder';
import { DEFAULT_MARKDOWN_TEMPLATE, MARKDOWN_FIELDS, markdownTemplate } from '../export/markdown';
import type { ServiceContext } from './context';

export function appService({ library }: ServiceContext): AppApi {
  return {
    async getAppInfo() {
      return {
        version: APP_VERSION,
        libraryDir: library.dir,
        exportFolder: defaultExportFolder(library.dir),
        markdownTemplate: { builtIn: DEFAULT_MARKDOWN_TEMPLATE, fields: MARKDOWN_FIELDS },
      };
    },

    async getLibraryOptions() {
      return library.file.libraryOptions();
    },

    async updateLibraryOptions(patch: Partial<LibraryOptions>) {
      // Refused here, with the field it names, rather than at the next export.
      if (patch.markdownTemplate) markdownTemplate(patch.markdownTemplate);
      return library.file.updateLibraryOptions(patch);
    },
  };
}
