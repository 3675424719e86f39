/**
 * Finds an article's asset file for the transports that serve them (the
 * browser shell's /asset/ route, Electron's lectern-asset: protocol), or
 * returns null for anything that is not exactly an asset of that article.
 * The library folder is the anchor: a link planted inside it (the article's
 * folder, its assets folder or the file) cannot serve a file from elsewhere.
 */
import { join } from 'node:path';
import { isAssetName } from '../../shared/assets';
import { isArticleId } from '../../shared/ids';
import { resolveInside } from './inside';

export async function articleAssetPath(libraryDir: string, id: string, name: string): Promise<string | null> {
  if (!isArticleId(id) || !isAssetName(name)) return null;
  return resolveInside(join(libraryDir, 'articles', id, 'assets'), name, libraryDir);
}
