/**
 * What File › Choose Library Folder… does with the folder picked: nothing
 * for the current library; open a folder that already is a library; for
 * any other folder, offer to move the library there or start a new one.
 * A folder with other things in it gets the library in a subfolder, so
 * Lectern never mixes its files with the person's.
 */
import { join, resolve } from 'node:path';

export const SUBFOLDER_NAME = 'Lectern Library';

export type LibraryChoice =
  { kind: 'same' } | { kind: 'open'; dir: string } | { kind: 'move-or-new'; dir: string };

export function libraryChoice(
  current: string,
  chosen: string,
  folder: { isLibrary: boolean; isEmpty: boolean },
): LibraryChoice {
  const dir = resolve(chosen);
  if (dir === resolve(current)) return { kind: 'same' };
  if (folder.isLibrary) return { kind: 'open', dir };
  return { kind: 'move-or-new', dir: folder.isEmpty ? dir : join(dir, SUBFOLDER_NAME) };
}
