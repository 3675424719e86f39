/**
 * Marking an article read or unread by hand, and what happens to the place
 * the person had reached. Read is a progress of at least READ_PROGRESS, so
 * marking read moves the progress to the end; the place it had is kept, and
 * marking unread goes back to it: "I am not done with this after all" should
 * not lose the paragraph. An article read to its end (or marked read with
 * nothing read) starts over from the top when marked unread, which is what
 * asking to read it again means. Marking unread leaves an article that is not
 * read alone, and any other change of progress (reading, undo) forgets the
 * kept place, which would no longer be where the person is.
 */
import { isRead, type ArticleMeta } from '../../shared/article';

type ReadState = Pick<ArticleMeta, 'progress' | 'readPlace'>;

export function markRead(meta: ReadState, read: boolean): void {
  if (read) {
    if (isRead(meta)) return;
    if (meta.progress > 0) meta.readPlace = meta.progress;
    meta.progress = 1;
    return;
  }
  if (!isRead(meta)) return;
  meta.progress = meta.readPlace ?? 0;
  delete meta.readPlace;
}

/** Sets the progress by reading or undo, forgetting any place kept by markRead. */
export function setProgress(meta: ReadState, progress: number): void {
  meta.progress = progress;
  delete meta.readPlace;
}
