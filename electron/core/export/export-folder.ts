/**
 * Where the window's exports go unless the person types another place: a
 * "Lectern exports" folder in their Downloads, because that is where a
 * person looks for what a browser made, and the library folder may be
 * synced to other machines, which have no use for a copy of it. Without a
 * Downloads folder (a server, a bare account), the library's own exports/
 * folder, which Lectern never reads back.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const EXPORTS_FOLDER_NAME = 'Lectern exports';

export function defaultExportFolder(libraryDir: string, home: string = homedir()): string {
  const downloads = join(home, 'Downloads');
  return existsSync(downloads) ? join(downloads, EXPORTS_FOLDER_NAME) : join(libraryDir, 'exports');
}
