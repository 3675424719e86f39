/** What the Settings page shows and changes beyond the reader: the app's version and place, and the library's options. */
import type { LibraryOptions } from '../library-options';

export interface MarkdownTemplateHelp {
  /** The built-in template, shown when the library has none of its own. */
  builtIn: string;
  /** Every field a template can name, with what it holds; a list field maps its items' fields. */
  fields: Record<string, string | Record<string, string>>;
}

export interface AppInfo {
  version: string;
  /** The library folder's absolute path. */
  libraryDir: string;
  /**
   * Where exports go unless the person says otherwise: a "Lectern exports"
   * folder in their Downloads, or in the library folder when there is no
   * Downloads folder.
   */
  exportFolder: string;
  markdownTemplate: MarkdownTemplateHelp;
}

export interface AppApi {
  /** The version, the library folder and the export defaults. Errors: none. */
  getAppInfo(): Promise<AppInfo>;
  /** The library's options, with defaults for anything unset. Errors: library-unavailable. */
  getLibraryOptions(): Promise<LibraryOptions>;
  /**
   * Changes some options and returns them all; a Markdown template is checked
   * against the field list first. Errors: invalid-argument, library-unavailable.
   */
  updateLibraryOptions(patch: Partial<LibraryOptions>): Promise<LibraryOptions>;
}

export const APP_METHODS: Record<keyof AppApi, true> = {
  getAppInfo: true,
  getLibraryOptions: true,
  updateLibraryOptions: true,
};
