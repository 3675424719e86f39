/**
 * Where the library lives: `--library DIR`, else LECTERN_LIBRARY, else the
 * folder chosen in the app (preferences.json), else a folder under the
 * platform's user-data location. Electron passes its own
 * user-data path; the browser shell and the command line work it out the same
 * way Electron does, so every shell opens the same library by default.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function libraryArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--library') return argv[i + 1];
    if (arg.startsWith('--library=')) return arg.slice('--library='.length);
  }
  return undefined;
}

/** Electron's app.getPath('userData') for an app named Lectern, without Electron. */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Lectern');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Lectern');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Lectern');
}

export function resolveLibraryDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  userDataDir: string,
  chosenInApp?: string,
): string {
  const given = [libraryArg(argv), env.LECTERN_LIBRARY, chosenInApp].find(
    (dir) => dir !== undefined && dir.trim() !== '',
  );
  return resolve(given ?? join(userDataDir, 'Library'));
}
