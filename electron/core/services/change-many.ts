/**
 * One change applied to many articles, as the bulk actions and tag operations
 * need: a few at a time (each is its own file write), every article's state
 * from before kept for undo, one failure reported without stopping the rest,
 * and one event for the lot (a library batch). Thousands of articles take seconds (a write
 * with fsync each), so a large change reports its progress as it goes.
 */
import { BULK_PROGRESS_FROM, type ArticleState, type BulkResult } from '../../shared/api/bulk';
import { summarize, type ArticleMeta } from '../../shared/article';
import { mapBounded } from '../../shared/async';
import { serializeError } from '../../shared/errors';
import type { EventHub } from '../events';
import type { Library } from '../library/library';

const CONCURRENCY = 8;
const PROGRESS_EVERY_MS = 200;

export function stateOf(meta: ArticleMeta): ArticleState {
  return {
    id: meta.id,
    status: meta.status,
    favorite: meta.favorite,
    tags: [...meta.tags],
    progress: meta.progress,
  };
}

/** `change` returns false when it leaves an article as it was; that article is not written or reported. */
export async function changeMany(
  library: Library,
  events: EventHub,
  ids: readonly string[],
  change: (meta: ArticleMeta) => void | false,
): Promise<BulkResult> {
  const result: BulkResult = { changed: [], undo: [], failed: [] };
  const total = ids.length;
  const reports = total >= BULK_PROGRESS_FROM;
  let done = 0;
  let reportedAt = Date.now();
  await library.batch(() =>
    mapBounded(ids, CONCURRENCY, async (id) => {
      if (reports && Date.now() - reportedAt >= PROGRESS_EVERY_MS) {
        reportedAt = Date.now();
        events.emit({ type: 'bulk-progress', done, total });
      }
      try {
        let before: ArticleState | null = null;
        const updated = await library.update(id, (meta) => {
          const state = stateOf(meta);
          if (change(meta) === false) return false;
          before = state;
        });
        if (before) {
          result.undo.push(before);
          result.changed.push(summarize(updated));
        }
      } catch (error) {
        result.failed.push({ id, message: serializeError(error).message });
      }
      done++;
    }),
  );
  if (reports) events.emit({ type: 'bulk-progress', done: total, total });
  return result;
}
