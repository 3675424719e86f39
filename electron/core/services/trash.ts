/**
 * TrashApi. Deleting moves an article's folder to trash/ (nothing is lost);
 * after TRASH_DAYS there, or when the trash is emptied, it is deleted for good.
 */
import { TRASH_DAYS, type TrashApi, type TrashResult } from '../../shared/api/trash';
import type { ArticleSummary } from '../../shared/article';
import { LecternError, serializeError } from '../../shared/errors';
import type { Library } from '../library/library';
import type { ServiceContext } from './context';

const DAY_MS = 24 * 60 * 60 * 1000;

async function moveEach(ids: string[], move: (id: string) => Promise<ArticleSummary>): Promise<TrashResult> {
  const result: TrashResult = { changed: [], failed: [] };
  for (const id of ids) {
    try {
      result.changed.push(await move(id));
    } catch (error) {
      result.failed.push({ id, message: serializeError(error).message });
    }
  }
  return result;
}

/** Deletes for good what has been in the trash longer than TRASH_DAYS; returns the ids. */
export async function purgeExpired(library: Library, now: Date = new Date()): Promise<string[]> {
  const cutoff = new Date(now.getTime() - TRASH_DAYS * DAY_MS).toISOString();
  const expired = library.trashed().filter((a) => a.trashedAt !== null && a.trashedAt < cutoff);
  const purged: string[] = [];
  await library.batch(async () => {
    for (const { id } of expired) {
      try {
        await library.purge(id);
        purged.push(id);
      } catch (error) {
        console.warn(`Lectern: could not empty ${id} from the trash:`, error);
      }
    }
  });
  return purged;
}

export function trashService({ library }: ServiceContext): TrashApi {
  return {
    async listTrash() {
      return library.trashed();
    },

    async trashArticles(ids: string[]) {
      return library.batch(() => moveEach(ids, (id) => library.trash(id)));
    },

    async restoreArticles(ids: string[]) {
      return library.batch(() => moveEach(ids, (id) => library.restore(id)));
    },

    async emptyTrash(ids?: string[]) {
      const targets = ids ?? library.trashed().map((a) => a.id);
      const removed: string[] = [];
      return library.batch(async () => {
        try {
          for (const id of targets) {
            await library.purge(id);
            removed.push(id);
          }
        } catch (error) {
          // Stops at the first failure, but says what is already gone for good.
          const { code, message } = serializeError(error);
          const id = targets[removed.length] as string;
          const name = library.has(id) ? `“${library.summary(id).title}”` : id;
          throw new LecternError(
            code,
            `${removed.length} of ${targets.length} deleted; ${name} could not be deleted because ${message}`,
          );
        }
        return removed.length;
      });
    },
  };
}
