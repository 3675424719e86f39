/**
 * What a launch asks Lectern to import: files and folders passed on the
 * command line (or by the system's "Open with Lectern"), and
 * `lectern://add?url=…` links from the bookmarklet. Pure, so the rules are
 * tested without Electron; index.ts feeds it the argv of a second launch and
 * the macOS open-file and open-url events.
 */
import { isAbsolute, resolve } from 'node:path';

export const LECTERN_SCHEME = 'lectern';

export interface LaunchRequest {
  files: string[];
  links: string[];
}

/** Switches that take a value, whose value is not a file to import. */
const SWITCHES_WITH_VALUE = new Set(['--library']);

/**
 * The web address a `lectern://add?url=…` link carries, or null when the
 * link is anything else or the address is not http(s).
 */
export function linkFromSchemeUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${LECTERN_SCHEME}:` || parsed.hostname.toLowerCase() !== 'add') return null;
  if (parsed.pathname !== '' && parsed.pathname !== '/') return null;
  const target = parsed.searchParams.get('url');
  if (!target) return null;
  try {
    const link = new URL(target);
    return link.protocol === 'http:' || link.protocol === 'https:' ? link.href : null;
  } catch {
    return null;
  }
}

/**
 * Reads the arguments of a launch. `skip` is how many leading entries are
 * Electron's own (the executable, plus the app folder when run unpackaged);
 * Chromium's switches and Lectern's `--library DIR` are not files.
 */
export function parseLaunchArgs(argv: readonly string[], cwd: string, skip: number): LaunchRequest {
  const request: LaunchRequest = { files: [], links: [] };
  const args = argv.slice(skip);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (SWITCHES_WITH_VALUE.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-') || arg.trim() === '') continue;
    if (arg.toLowerCase().startsWith(`${LECTERN_SCHEME}:`)) {
      const link = linkFromSchemeUrl(arg);
      if (link) request.links.push(link);
      continue;
    }
    request.files.push(isAbsolute(arg) ? arg : resolve(cwd, arg));
  }
  return request;
}

/** How many argv entries belong to Electron itself: the executable, and the app folder in development. */
export function electronArgCount(defaultApp: boolean): number {
  return defaultApp ? 2 : 1;
}
