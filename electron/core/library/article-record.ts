/**
 * article.json, one article's full record: read, checked against its schema,
 * completed with defaults and written. It is the only file the person's own
 * changes live in, so a record that fails its schema is never guessed at in
 * place nor thrown away: it is set aside beside the good files
 * (`article.json.damaged-<time>`), and the article is rebuilt from what can
 * be recovered (article-repair.ts) and marked damaged until the person
 * accepts it.
 *
 * Each write keeps the record it replaces as `article.json.bak`, the last
 * good copy to recover from. It costs one hard link and one rename per write
 * (no copy of the data; a copy only where the disk has no hard links), and
 * it is one change behind: recovering from it loses at most the last change,
 * whose list fields the catalog's summary usually still holds. Linking the
 * new record instead would be current, but a file truncated in place (an
 * editor, `> article.json`) would take its link with it.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, link, readdir, rename, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  READ_PROGRESS,
  type ArticleDamage,
  type ArticleMeta,
  type ArticleSummary,
  type SourceKind,
} from '../../shared/article';
import { LecternError } from '../../shared/errors';
import { writeFileAtomic } from '../files/atomic-write';
import { isSoundRecord, repairRecord } from './article-repair';
import { isNotOwnFile, readOwnFile } from './own-file';
import { storageError } from './storage-error';

/** What is remembered of article.json so a change to it can be seen without reading it. */
export interface Stamp {
  mtimeMs: number;
  size: number;
}

export const BACKUP_SUFFIX = '.bak';

/** Fills in fields an older or hand-edited article.json may lack, so the rest of Lectern can trust them. */
function withDefaults(meta: ArticleMeta): ArticleMeta {
  const { readPlace, ...rest } = meta;
  const keptPlace = typeof readPlace === 'number' && readPlace > 0 && readPlace < READ_PROGRESS;
  return {
    ...rest,
    ...(keptPlace ? { readPlace } : {}),
    tags: meta.tags ?? [],
    highlights: meta.highlights ?? [],
    note: meta.note ?? '',
    progress: meta.progress ?? 0,
    favorite: meta.favorite ?? false,
    status: meta.status ?? 'inbox',
    wordCount: meta.wordCount ?? 0,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The file parsed, or undefined when it is missing, a link, or not JSON. */
async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readOwnFile(path));
  } catch {
    return undefined;
  }
}

const KIND_BY_EXTENSION: Record<string, SourceKind> = {
  html: 'html',
  htm: 'html',
  mhtml: 'mhtml',
  txt: 'text',
  md: 'markdown',
  pdf: 'pdf',
  epub: 'epub',
};

/** The title content.html shows (its <title> or first <h1>), for an article whose record is gone. */
function titleOf(html: string): string | null {
  const found = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const title = found?.[1]
    ?.replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return title ? title.slice(0, 300) : null;
}

/** What an article with no usable record at all gets: what its folder and id still tell. */
async function recordDefaults(folder: string, id: string, now: Date): Promise<ArticleMeta> {
  const [html, names] = await Promise.all([
    readOwnFile(join(folder, 'content.html')).catch(() => ''),
    readdir(folder).catch(() => [] as string[]),
  ]);
  const original = names.find((name) => name.startsWith('original.')) ?? 'original.html';
  const made = new Date(Number.parseInt(id.slice(0, 10), 36));
  const addedAt = (Number.isNaN(made.getTime()) ? now : made).toISOString();
  return {
    id,
    title: titleOf(html) ?? 'Untitled article',
    byline: null,
    siteName: null,
    url: null,
    published: null,
    lang: null,
    excerpt: '',
    wordCount: 0,
    addedAt,
    ...untouchedState(now),
    source: {
      kind: KIND_BY_EXTENSION[original.slice('original.'.length)] ?? 'html',
      name: null,
      sha256: '',
      original,
    },
  };
}

/**
 * The fields a person fills in by reading, as a new article has them: in the
 * inbox, no tags, nothing read, noted or highlighted.
 */
export function untouchedState(
  now: Date,
): Pick<ArticleMeta, 'updatedAt' | 'status' | 'favorite' | 'tags' | 'progress' | 'note' | 'highlights'> {
  return {
    updatedAt: now.toISOString(),
    status: 'inbox',
    favorite: false,
    tags: [],
    progress: 0,
    note: '',
    highlights: [],
  };
}

/** The summary's fields as a record's, for recovery: what the list showed last. */
function summaryFields(summary: ArticleSummary | null): Record<string, unknown>[] {
  if (!summary) return [];
  const { highlightCount: _count, hasNote: _hasNote, trashedAt: _trashedAt, ...fields } = summary;
  return [fields];
}

const RECOVERED_WORDS: Record<ArticleDamage['recoveredFrom'], string> = {
  record: 'what was good in it',
  backup: 'its last good copy',
  catalog: 'the library’s list of articles',
  content: 'its content alone',
};

export type LoadedRecord = { meta: ArticleMeta; stamp: Stamp; problem?: string } | { problem: string };

/**
 * Reads an article's record for the catalog, recovering a damaged one (and
 * writing the recovered record in its place); null when the article's folder
 * itself is gone. `summary` is what the catalog last knew of it.
 */
export async function loadRecord(
  folder: string,
  id: string,
  summary: ArticleSummary | null,
  now: Date,
): Promise<LoadedRecord | null> {
  const path = join(folder, 'article.json');
  let value: unknown;
  let present = true;
  try {
    value = JSON.parse(await readOwnFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      if (!(await stat(folder).catch(() => null))?.isDirectory()) return null;
      present = false;
    } else if (!(error instanceof SyntaxError) && !isNotOwnFile(error)) {
      return { problem: `${path} could not be read (${code ?? 'unknown error'}); the article is skipped.` };
    }
  }
  if (isSoundRecord(value, id)) return { meta: withDefaults(value), stamp: await stampOf(path) };

  const backup = await readJson(`${path}${BACKUP_SUFFIX}`);
  const backupUsable = isRecord(backup) && backup.id === id;
  let recoveredFrom: ArticleDamage['recoveredFrom'];
  let base: unknown;
  let fallbacks: Record<string, unknown>[];
  if (isRecord(value) && value.id === id) {
    recoveredFrom = 'record';
    base = value;
    fallbacks = [...(backupUsable ? [backup] : []), ...summaryFields(summary)];
  } else if (backupUsable) {
    recoveredFrom = 'backup';
    // The summary saw the last change the copy misses: its fields win when newer.
    const newer = summary && typeof backup.updatedAt === 'string' && summary.updatedAt > backup.updatedAt;
    base = newer ? { ...backup, ...summaryFields(summary)[0] } : backup;
    fallbacks = summaryFields(summary);
  } else if (summary) {
    recoveredFrom = 'catalog';
    base = summaryFields(summary)[0];
    fallbacks = [];
  } else {
    recoveredFrom = 'content';
    base = {};
    fallbacks = [];
  }
  const repair = repairRecord(base, id, fallbacks, await recordDefaults(folder, id, now));
  const lost = [...repair.lost];
  if (recoveredFrom === 'catalog') {
    if (summary?.hasNote) lost.push('note');
    if (summary?.highlightCount) lost.push('highlights');
  }

  const time = now.getTime();
  const setAside = [...(repair.meta.damage?.setAside ?? [])];
  try {
    if (present) {
      const aside = `article.json.damaged-${time}`;
      await rename(path, join(folder, aside));
      setAside.push(aside);
    }
    if (repair.droppedHighlights.length > 0) {
      const aside = `highlights.damaged-${time}.json`;
      await writeFileAtomic(join(folder, aside), `${JSON.stringify(repair.droppedHighlights, null, 2)}\n`);
      setAside.push(aside);
    }
    const meta: ArticleMeta = {
      ...repair.meta,
      damage: { at: now.toISOString(), recoveredFrom, setAside, lost: [...new Set(lost)] },
    };
    await writeFileAtomic(path, recordText(meta));
    const kept = setAside.length > 0 ? ` The damaged part was kept as ${setAside.join(', ')}.` : '';
    return {
      meta,
      stamp: await stampOf(path),
      problem: `${path} was damaged; Lectern recovered the article from ${RECOVERED_WORDS[recoveredFrom]}.${kept}`,
    };
  } catch (error) {
    return {
      problem: `${path} is damaged and could not be set aside (${String(error)}); the article is skipped.`,
    };
  }
}

/** The record, for a change or to show; a damaged one is an error in words. */
export async function readRecord(libraryDir: string, path: string, id: string): Promise<ArticleMeta> {
  let meta: ArticleMeta | null = null;
  try {
    meta = parseRecord(await readOwnFile(path), id);
  } catch (error) {
    if (!isNotOwnFile(error)) throw storageError(libraryDir, 'read the article', error);
  }
  if (!meta) {
    throw new LecternError(
      'library-corrupt',
      `${path} is damaged, so this article cannot be read or changed until Lectern is opened again, which recovers it.`,
    );
  }
  return meta;
}

/** The record in `text`, checked and completed with defaults; null when it is damaged. */
export function parseRecord(text: string, id: string): ArticleMeta | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return isSoundRecord(value, id) ? withDefaults(value) : null;
}

export function recordText(meta: ArticleMeta): string {
  return `${JSON.stringify(meta, null, 2)}\n`;
}

/** Keeps the record about to be replaced as article.json.bak (see the header). */
async function keepLastGood(path: string): Promise<void> {
  const temp = join(
    dirname(path),
    `.${basename(path)}${BACKUP_SUFFIX}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await link(path, temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    await copyFile(path, temp);
  }
  await rename(temp, `${path}${BACKUP_SUFFIX}`);
}

/** Writes the record atomically, keeping the one it replaces; the caller turns a failure into words. */
export async function writeRecord(path: string, meta: ArticleMeta): Promise<void> {
  await keepLastGood(path);
  await writeFileAtomic(path, recordText(meta));
}

export async function stampOf(path: string): Promise<Stamp> {
  const info = await stat(path);
  return { mtimeMs: info.mtimeMs, size: info.size };
}
