/** Where the built renderer lives, relative to this source file or the built one. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));

export function builtRendererDir(): string {
  const dir = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
  if (!existsSync(`${dir}index.html`)) {
    throw new Error(`The renderer is not built (no ${dir}index.html). Run "npm run build" first.`);
  }
  return dir;
}
