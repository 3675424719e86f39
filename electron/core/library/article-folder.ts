/**
 * An article's folder, articles/<id>/ or trash/<id>/: content.html, the
 * original bytes, assets/ and article.json. A new or replaced folder is
 * written in full into a staging folder beside it and renamed into place at
 * the end, so a failed import leaves nothing behind, and a staging folder
 * found on open is an import that never finished. A pending link's folder
 * holds article.json alone (pending-link.ts).
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleMeta, ArticleSource } from '../../shared/article';
import { isAssetName } from '../../shared/assets';
import { isArticleId } from '../../shared/ids';
import { writeFileAtomic } from '../files/atomic-write';
import { LecternError } from '../../shared/errors';
import { recordText } from './article-record';
import { isMissing, isNotOwnFile, readOwnFile } from './own-file';
import { pendingContent, pendingLinkUrl } from './pending-link';
import { storageError } from './storage-error';

export type Place = 'articles' | 'trash';

const STAGING_PREFIX = '.staging-';

/** What an importer hands over: the extracted article and the bytes it came from. */
export interface NewArticle {
  fields: Pick<
    ArticleMeta,
    'title' | 'byline' | 'siteName' | 'url' | 'published' | 'lang' | 'excerpt' | 'wordCount' | 'leadImage'
  >;
  html: string;
  /** Images content.html refers to as "assets/<name>". */
  assets: { name: string; bytes: Uint8Array }[];
  source: Omit<ArticleSource, 'original'>;
  original: { bytes: Uint8Array; extension: string };
  /** Set for a link kept to retry: see ArticleMeta.pending. */
  pending?: { reason: string };
  /** What the person should know about how it was read (not stored): see ImportOutcome. */
  notices?: string[];
}

export function articleFolder(libraryDir: string, place: Place, id: string): string {
  return join(libraryDir, place, id);
}

/** Where a new folder is written before it is renamed into articles/ (see the header). */
export function stagingFolder(libraryDir: string, id: string): string {
  return join(libraryDir, 'articles', `${STAGING_PREFIX}${id}`);
}

export function recordPath(libraryDir: string, place: Place, id: string): string {
  return join(articleFolder(libraryDir, place, id), 'article.json');
}

export function contentPath(libraryDir: string, place: Place, id: string): string {
  return join(articleFolder(libraryDir, place, id), 'content.html');
}

/** The article folders in `place`, after removing staging folders left by imports that never finished. */
export async function folderIds(libraryDir: string, place: Place): Promise<string[]> {
  const folder = join(libraryDir, place);
  const entries = await readdir(folder, { withFileTypes: true });
  await Promise.all(
    entries
      .filter((entry) => entry.name.startsWith(STAGING_PREFIX))
      .map((entry) => rm(join(folder, entry.name), { recursive: true, force: true })),
  );
  return entries.filter((e) => e.isDirectory() && isArticleId(e.name)).map((e) => e.name);
}

/** The folders a new article's folder holds: assets/, but nothing for a pending link. */
export function newFolderPath(staging: string, article: NewArticle): string {
  return article.pending ? staging : join(staging, 'assets');
}

/**
 * The files of a new folder besides article.json, assets first, refusing
 * any asset name that is not a content hash: none for a pending link, whose
 * content and original follow from its record.
 */
export function contentFiles(meta: ArticleMeta, article: NewArticle): [string, string | Uint8Array][] {
  if (article.pending) return [];
  for (const asset of article.assets) {
    if (!isAssetName(asset.name)) throw new Error(`not an asset name: ${asset.name}`);
  }
  return [
    ...article.assets.map((asset): [string, Uint8Array] => [join('assets', asset.name), asset.bytes]),
    ['content.html', article.html],
    [meta.source.original, article.original.bytes],
  ];
}

/** A pending link's placeholder content, made from its record; null when the record is not one. */
async function derivedContent(folder: string): Promise<string | null> {
  try {
    const url = pendingLinkUrl(JSON.parse(await readOwnFile(join(folder, 'article.json'))));
    return url === null ? null : pendingContent(url);
  } catch {
    return null;
  }
}

/**
 * The article's reader HTML; a link in its place (own-file.ts) is refused,
 * never followed. A pending link written without one gets its placeholder.
 */
export async function readContent(libraryDir: string, place: Place, id: string): Promise<string> {
  const path = contentPath(libraryDir, place, id);
  try {
    return await readOwnFile(path);
  } catch (error) {
    const derived = isMissing(error) ? await derivedContent(articleFolder(libraryDir, place, id)) : null;
    if (derived !== null) return derived;
    if (isNotOwnFile(error)) {
      throw new LecternError(
        'library-corrupt',
        `${path} is not a file of the library (a link?), so it is not shown.`,
      );
    }
    throw storageError(libraryDir, 'read the article’s content', error);
  }
}

/** Writes images into a folder's assets/, refusing any name that is not a content hash. */
export async function writeAssets(folder: string, assets: NewArticle['assets']): Promise<void> {
  await mkdir(join(folder, 'assets'), { recursive: true });
  for (const asset of assets) {
    if (!isAssetName(asset.name)) throw new Error(`not an asset name: ${asset.name}`);
    await writeFileAtomic(join(folder, 'assets', asset.name), asset.bytes);
  }
}

/** Writes a whole new folder in articles/ for `meta`, through a staging folder. */
export async function writeArticleFolder(
  libraryDir: string,
  meta: ArticleMeta,
  article: NewArticle,
): Promise<void> {
  const staging = stagingFolder(libraryDir, meta.id);
  try {
    await mkdir(newFolderPath(staging, article), { recursive: true });
    for (const [name, data] of contentFiles(meta, article)) await writeFileAtomic(join(staging, name), data);
    await writeFileAtomic(join(staging, 'article.json'), recordText(meta));
    await rename(staging, articleFolder(libraryDir, 'articles', meta.id));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw storageError(libraryDir, 'save the article', error);
  }
}

/** Puts a new folder in place of an article's folder in articles/; the old one is kept until the new one is in. */
export async function replaceArticleFolder(
  libraryDir: string,
  meta: ArticleMeta,
  article: NewArticle,
): Promise<void> {
  const final = articleFolder(libraryDir, 'articles', meta.id);
  const aside = join(libraryDir, 'articles', `${STAGING_PREFIX}old-${meta.id}`);
  await rename(final, aside).catch((error: unknown) => {
    throw storageError(libraryDir, 'update the article', error);
  });
  try {
    await writeArticleFolder(libraryDir, meta, article);
  } catch (error) {
    await rename(aside, final);
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}

/** Moves an article's folder between articles/ and trash/. */
export async function moveArticleFolder(
  libraryDir: string,
  id: string,
  from: Place,
  to: Place,
): Promise<void> {
  await rename(articleFolder(libraryDir, from, id), articleFolder(libraryDir, to, id));
}
