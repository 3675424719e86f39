/**
 * Finds the extraction corpus that lives beside the project (never inside it):
 * LECTERN_CORPUS, else ../shared/corpus. Benchmarks say plainly when it is
 * absent instead of failing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));

export function corpusDir(): string | null {
  const dir = resolve(process.env.LECTERN_CORPUS ?? join(PROJECT_DIR, '..', 'shared', 'corpus'));
  return existsSync(dir) ? dir : null;
}

export interface CorpusPage {
  name: string;
  bytes: Buffer;
}

/** Readability's regression pages: <name>/source.html. */
export function readabilityPages(dir: string): CorpusPage[] {
  const root = join(dir, 'readability-pages');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(root, name, 'source.html')) }));
}
