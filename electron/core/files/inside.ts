/**
 * Resolves a request path inside a root folder, or returns null when the path
 * would leave it: `..` segments, percent-encoded traversal, absolute paths,
 * NUL bytes, and symbolic links that point outside. Used by every route that
 * serves files (the browser shell's static files, Electron's app protocol).
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Whether `candidate` is `root` or a path below it (paths already resolved). */
export function within(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export async function resolveInside(root: string, requestPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return null;
  const candidate = resolve(root, ...segments);
  if (!within(root, candidate)) return null;
  try {
    const [realRoot, realCandidate] = await Promise.all([realpath(root), realpath(candidate)]);
    return within(realRoot, realCandidate) ? realCandidate : null;
  } catch {
    return null;
  }
}
