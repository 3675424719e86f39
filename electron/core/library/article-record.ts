/**
 * article.json, one article's full record: read, checked, completed with
 * defaults and written. It is the only file the person's own changes live in,
 * so a record that does not look like an article is reported, never guessed
 * at or overwritten.
 */
import { readFile, stat } from 'node:fs/promises';
import { READ_PROGRESS, type ArticleMeta } from '../../shared/article';
import { LecternError } from '../../shared/errors';
import { writeFileAtomic } from '../files/atomic-write';
import { storageError } from './storage-error';

/** What is remembered of article.json so a change to it can be seen without reading it. */
export interface Stamp {
  mtimeMs: number;
  size: number;
}

function looksLikeArticle(value: unknown, id: string): value is ArticleMeta {
  if (typeof value !== 'object' || value === null) return false;
  const meta = value as Partial<ArticleMeta>;
  return meta.id === id && typeof meta.title === 'string' && typeof meta.addedAt === 'string';
}

/** Fills in fields an older or hand-edited article.json may lack, so the rest of Lectern can trust them. */
function withDefaults(meta: ArticleMeta): ArticleMeta {
  const { readPlace, ...rest } = meta;
  const keptPlace = typeof readPlace === 'number' && readPlace > 0 && readPlace < READ_PROGRESS;
  return {
    ...rest,
    ...(keptPlace ? { readPlace } : {}),
    tags: Array.isArray(meta.tags) ? meta.tags.filter((t) => typeof t === 'string') : [],
    highlights: Array.isArray(meta.highlights) ? meta.highlights : [],
    note: typeof meta.note === 'string' ? meta.note : '',
    progress: typeof meta.progress === 'number' ? meta.progress : 0,
    favorite: meta.favorite === true,
    status: meta.status === 'archived' ? 'archived' : 'inbox',
    wordCount: typeof meta.wordCount === 'number' ? meta.wordCount : 0,
  };
}

/** The record with its stamp, or why it cannot be used: what opening a library needs. */
export async function readStampedRecord(
  path: string,
  id: string,
): Promise<{ meta: ArticleMeta; stamp: Stamp } | { problem: string }> {
  let value: unknown;
  let stamp: Stamp;
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    value = JSON.parse(text);
    stamp = { mtimeMs: info.mtimeMs, size: info.size };
  } catch {
    return { problem: `${path} is damaged; the article is skipped and left on disk.` };
  }
  if (!looksLikeArticle(value, id)) {
    return { problem: `${path} is not an article record; it is skipped and left on disk.` };
  }
  return { meta: withDefaults(value), stamp };
}

/** The record, for a change or to show; a damaged one is an error in words. */
export async function readRecord(libraryDir: string, path: string, id: string): Promise<ArticleMeta> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new LecternError(
        'library-corrupt',
        `${path} is damaged, so this article cannot be read or changed.`,
      );
    }
    throw storageError(libraryDir, 'read the article', error);
  }
  if (!looksLikeArticle(value, id)) {
    throw new LecternError('library-corrupt', `${path} is not an article record any more.`);
  }
  return withDefaults(value);
}

export function recordText(meta: ArticleMeta): string {
  return `${JSON.stringify(meta, null, 2)}\n`;
}

/** Writes the record atomically; the caller turns a failure into words for what it was doing. */
export async function writeRecord(path: string, meta: ArticleMeta): Promise<void> {
  await writeFileAtomic(path, recordText(meta));
}

export async function stampOf(path: string): Promise<Stamp> {
  const info = await stat(path);
  return { mtimeMs: info.mtimeMs, size: info.size };
}
