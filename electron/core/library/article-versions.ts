/**
 * An article's earlier contents, in versions/<id>/ inside its folder: the
 * content.html it had and version.json with what extraction had found for it
 * (details, excerpt, word count, language, lead image). Assets are not
 * copied: assets/ only ever gains files while versions exist, so an old
 * content's pictures are still there when it is restored. A version is
 * written in full before the content it keeps is replaced, so a failure
 * part-way leaves the article as it was, at worst with one more version.
 *
 * Only the newest KEPT_VERSIONS are kept: each re-extraction of the whole
 * library would otherwise add a copy of every article's text, forever. The
 * oldest go once a newer one is safely written; a restore can reach back
 * that far, which covers the extractor changes a person would want undone.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import type { ArticleVersion } from '../../shared/api/articles';
import type { ArticleMeta } from '../../shared/article';
import { storedDetails } from '../../shared/schemas/article-record';
import { writeFileAtomic } from '../files/atomic-write';
import { extractedDetails } from './article-edits';
import { isNotOwnFile, readOwnFile } from './own-file';

const VERSIONS_DIR = 'versions';
const VERSION_FILE = 'version.json';

/** How many earlier contents an article keeps. */
export const KEPT_VERSIONS = 5;

const storedVersion = v.object({
  id: v.string(),
  savedAt: v.string(),
  replacedBy: v.picklist(['reextract', 'restore']),
  details: storedDetails,
  excerpt: v.string(),
  wordCount: v.number(),
  lang: v.nullable(v.string()),
  leadImage: v.optional(v.string()),
});

/** What version.json holds. */
export type StoredVersion = v.InferOutput<typeof storedVersion>;

/** A folder name from the time: sortable, and safe on every file system. */
function versionId(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/** The version the article's current content and details would be kept as. */
export function versionOf(
  meta: ArticleMeta,
  at: Date,
  replacedBy: StoredVersion['replacedBy'],
): StoredVersion {
  return {
    id: versionId(at),
    savedAt: at.toISOString(),
    replacedBy,
    details: extractedDetails(meta),
    excerpt: meta.excerpt,
    wordCount: meta.wordCount,
    lang: meta.lang,
    ...(meta.leadImage ? { leadImage: meta.leadImage } : {}),
  };
}

export function summarizeVersion(version: StoredVersion): ArticleVersion {
  return {
    id: version.id,
    savedAt: version.savedAt,
    replacedBy: version.replacedBy,
    title: version.details.title,
    wordCount: version.wordCount,
  };
}

/**
 * Writes `version` with its content, then removes the oldest beyond the
 * newest `keep`; a second version in the same millisecond gets a suffix.
 */
export async function saveVersion(
  folder: string,
  version: StoredVersion,
  html: string,
  keep = KEPT_VERSIONS,
): Promise<StoredVersion> {
  const taken = new Set(await readdir(join(folder, VERSIONS_DIR)).catch(() => []));
  let id = version.id;
  for (let n = 2; taken.has(id); n++) id = `${version.id}-${n}`;
  const saved = { ...version, id };
  const dir = join(folder, VERSIONS_DIR, id);
  await mkdir(dir, { recursive: true });
  try {
    await writeFileAtomic(join(dir, 'content.html'), html);
    await writeFileAtomic(join(dir, VERSION_FILE), `${JSON.stringify(saved, null, 2)}\n`);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const older = (await listVersions(folder)).slice(keep);
  await Promise.all(
    older.map((old) => rm(join(folder, VERSIONS_DIR, old.id), { recursive: true, force: true })),
  );
  return saved;
}

async function readVersionRecord(dir: string): Promise<StoredVersion | null> {
  try {
    const parsed = v.safeParse(storedVersion, JSON.parse(await readOwnFile(join(dir, VERSION_FILE))));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

/** The article's versions, newest first; a folder that is not a readable version is left out. */
export async function listVersions(folder: string): Promise<StoredVersion[]> {
  let names: string[];
  try {
    names = await readdir(join(folder, VERSIONS_DIR));
  } catch {
    return [];
  }
  const found = await Promise.all(names.map((name) => readVersionRecord(join(folder, VERSIONS_DIR, name))));
  return found
    .filter((version): version is StoredVersion => version !== null && names.includes(version.id))
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt) || b.id.localeCompare(a.id));
}

/** One version with its content, or null when there is no such readable version. */
export async function readVersion(
  folder: string,
  id: string,
): Promise<{ version: StoredVersion; html: string } | null> {
  const dir = join(folder, VERSIONS_DIR, id);
  const version = await readVersionRecord(dir);
  if (!version || version.id !== id) return null;
  try {
    return { version, html: await readOwnFile(join(dir, 'content.html')) };
  } catch (error) {
    if (isNotOwnFile(error) || (error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
