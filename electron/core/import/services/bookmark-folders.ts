/**
 * The folder path of a bookmark, as every bookmark format has one, turned
 * into one nested tag. Paths deeper than `MAX_FOLDER_DEPTH` keep their first
 * levels only: a file nested thousands deep (hostile or broken) must not
 * make a tag thousands of names long, and the walk that tracks the path is
 * a loop with a stack, never recursion.
 */
import { folderTag } from './exported-item';

export const MAX_FOLDER_DEPTH = 32;

export function bookmarkFolderTag(path: readonly string[]): string | undefined {
  return folderTag(path.slice(0, MAX_FOLDER_DEPTH));
}

export const TOO_DEEP = `its folders are nested more than ${MAX_FOLDER_DEPTH} deep; the deeper folder names were left out of the tags`;
