/**
 * The articles an export reads, one at a time: the full record (highlights
 * and note) and, when asked, content.html. Reading lazily keeps memory flat
 * at any library size; highlights come sorted in document order (by their
 * position selector), which every format wants.
 */
import type { Highlight } from '../../shared/annotation';
import type { ArticleMeta } from '../../shared/article';
import { LecternError } from '../../shared/errors';
import type { Library } from '../library/library';

export interface ExportArticle {
  meta: ArticleMeta;
  /** content.html, or '' when the format did not ask for it. */
  html: string;
}

/** Reports how far an export is and lets it be stopped. */
export interface ExportProgress {
  /** Called after each article with how many are done out of how many. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export function inDocumentOrder(highlights: readonly Highlight[]): Highlight[] {
  return [...highlights].sort(
    (a, b) =>
      a.target.selector[1].start - b.target.selector[1].start || a.createdAt.localeCompare(b.createdAt),
  );
}

export function cancelledError(): LecternError {
  return new LecternError('cancelled', 'The export was cancelled; nothing was written.');
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

/** Yields each article by id, highlights in document order, with progress after each. */
export async function* readArticles(
  library: Library,
  ids: readonly string[],
  withHtml: boolean,
  progress: ExportProgress = {},
): AsyncGenerator<ExportArticle> {
  let done = 0;
  for (const id of ids) {
    throwIfCancelled(progress.signal);
    yield await readArticle(library, id, withHtml);
    progress.onProgress?.(++done, ids.length);
  }
}

/** One article as the exports take it: highlights in document order, and its HTML when asked. */
export async function readArticle(library: Library, id: string, withHtml: boolean): Promise<ExportArticle> {
  const meta = await library.get(id);
  meta.highlights = inDocumentOrder(meta.highlights);
  return { meta, html: withHtml ? await library.content(id) : '' };
}
