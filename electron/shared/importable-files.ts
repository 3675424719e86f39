/**
 * Which files an import takes, written once for every way in: a folder
 * chosen in the desktop app, files opened with Lectern, the command line and
 * a drop on the window. Each walks folders its own way (node:fs or the
 * browser's FileSystemEntry), but all of them ask this module what to keep,
 * so a folder gives the same articles whichever way it came in.
 *
 * A walk keeps files with a kind Lectern reads, judged by name, and the files
 * of a saved page's `<name>_files/` folder, which travel with `<name>.html`
 * as its images and never become articles themselves (a saved page's folder
 * often holds frames saved as .html). Hidden files and folders are skipped.
 * Judging by name is deliberately loose: a file named explicitly is imported
 * whatever its name, and the importer then decides by its bytes.
 */
import { groupSavedPages, isInsideSavedPageFolder } from './import-units';

/** File name extensions of each kind Lectern reads, lower case, without the dot. */
export const IMPORT_EXTENSIONS = {
  html: ['html', 'htm', 'xhtml', 'shtml'],
  text: ['txt', 'text'],
  markdown: ['md', 'markdown', 'mdown', 'mkd'],
  mhtml: ['mhtml', 'mht'],
  link: ['url', 'webloc', 'desktop'],
  pdf: ['pdf'],
  epub: ['epub'],
} as const;

const IMPORTABLE: ReadonlySet<string> = new Set(Object.values(IMPORT_EXTENSIONS).flat());

/** The extension of a file name, lower case, or '' when it has none (".bashrc" has none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Whether a file found inside a folder is of a kind Lectern imports, by its name. */
export function isImportableName(name: string): boolean {
  return IMPORTABLE.has(extensionOf(name));
}

/** Whether a hidden file or folder (".git", ".DS_Store") is on a "/"-separated path. */
function isHidden(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.'));
}

/**
 * Whether a folder walk picks up the file at this "/"-separated path: an
 * importable file, or a part of a saved page. Walks call it per file, so a
 * large folder's other files are never read.
 */
export function walkKeeps(path: string): boolean {
  if (isHidden(path)) return false;
  return isInsideSavedPageFolder(path) || isImportableName(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * What a walk's files come to: the articles and their saved pages' files,
 * in walk order, without the files of a `_files/` folder whose page is not
 * among them.
 */
export function keptForImport<T extends { path: string }>(items: readonly T[]): T[] {
  const units = groupSavedPages(items.map((item) => ({ name: item.path, path: item.path, item })));
  const orphans = new Set(
    units.filter((unit) => isInsideSavedPageFolder(unit.main.path)).map((unit) => unit.main.item),
  );
  return items.filter((item) => !orphans.has(item));
}
