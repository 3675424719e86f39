/**
 * Resolves a request path inside a root folder, or returns null when the path
 * would leave it: `..` segments, percent-encoded traversal, absolute paths,
 * NUL bytes, and symbolic links that point outside. Used by every route that
 * serves files (the browser shell's static files, Electron's app protocol,
 * both shells' article assets).
 *
 * By default the root is taken as it really is, so a root that is itself a
 * link (a library kept on another disk) serves what it points at. A root
 * below a trusted folder (`anchor`) is instead taken as written: a link
 * planted between the anchor and the file (a linked article folder or assets
 * folder in a synced library) does not move it, and whatever resolves
 * outside it is refused.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Whether `candidate` is `root` or a path below it (paths already resolved). */
export function within(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The real form of `root`: its own links followed, or, with an anchor, only the anchor's. */
async function realRootOf(root: string, anchor: string | undefined): Promise<string> {
  if (anchor === undefined) return realpath(root);
  return resolve(await realpath(anchor), relative(anchor, root));
}

export async function resolveInside(
  root: string,
  requestPath: string,
  anchor?: string,
): Promise<string | null> {
  if (anchor !== undefined && !within(anchor, root)) return null;
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
    const [realRoot, realCandidate] = await Promise.all([realRootOf(root, anchor), realpath(candidate)]);
    return within(realRoot, realCandidate) ? realCandidate : null;
  } catch {
    return null;
  }
}
