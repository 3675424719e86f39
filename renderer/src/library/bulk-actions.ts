/**
 * What the bulk bar, the tag editor and drops on the sidebar do to articles,
 * each followed by a notice that says what happened and offers to undo it.
 */
import type { ArticleState, BulkResult, TagChange } from '@shared/api';
import { api } from '../api/client';
import { notices } from '../ui/notices.svelte';

function count(n: number): string {
  return n === 1 ? '1 article' : `${n.toLocaleString()} articles`;
}

function report(
  title: string,
  result: { failed: { message: string }[] },
  undo?: () => Promise<unknown>,
): void {
  if (result.failed.length > 0) {
    notices.show({
      tone: 'error',
      title: 'Some articles could not be changed',
      lines: result.failed.map((f) => f.message),
    });
  }
  notices.show({
    tone: 'success',
    title,
    lines: [],
    action: undo ? { label: 'Undo', run: () => void undo().catch(showError) } : undefined,
  });
}

export function showError(error: unknown): void {
  notices.show({
    tone: 'error',
    title: 'That did not work',
    lines: [error instanceof Error ? error.message : String(error)],
  });
}

/** Undoes a tag rename, merge or delete: the articles' tags, then the colours. */
export async function undoTagChange(change: TagChange): Promise<void> {
  try {
    await api.restoreStates(change.undo);
    if (Object.keys(change.colorsBefore).length > 0) await api.restoreTagColors(change.colorsBefore);
  } catch (error) {
    showError(error);
  }
}

async function undoable(title: (changed: number) => string, run: () => Promise<BulkResult>): Promise<void> {
  try {
    const result = await run();
    const states: ArticleState[] = result.undo;
    report(
      title(result.changed.length),
      result,
      states.length > 0 ? () => api.restoreStates(states) : undefined,
    );
  } catch (error) {
    showError(error);
  }
}

export const archive = (ids: string[], archived: boolean) =>
  undoable(
    (n) => (archived ? `Archived ${count(n)}` : `Moved ${count(n)} to the inbox`),
    () => api.updateArticles(ids, { status: archived ? 'archived' : 'inbox' }),
  );

export const favorite = (ids: string[], on: boolean) =>
  undoable(
    (n) => (on ? `Added ${count(n)} to favorites` : `Removed ${count(n)} from favorites`),
    () => api.updateArticles(ids, { favorite: on }),
  );

export const markRead = (ids: string[], read: boolean) =>
  undoable(
    (n) => `Marked ${count(n)} as ${read ? 'read' : 'unread'}`,
    () => api.updateArticles(ids, { read }),
  );

export const tag = (ids: string[], tags: string[]) =>
  undoable(
    (n) => `Tagged ${count(n)} “${tags.join('”, “')}”`,
    () => api.tagArticles(ids, tags),
  );

export const untag = (ids: string[], tags: string[]) =>
  undoable(
    (n) => `Removed “${tags.join('”, “')}” from ${count(n)}`,
    () => api.untagArticles(ids, tags),
  );

export async function trash(ids: string[]): Promise<void> {
  try {
    const result = await api.trashArticles(ids);
    const moved = result.changed.map((a) => a.id);
    report(`Moved ${count(moved.length)} to the trash`, result, () => api.restoreArticles(moved));
  } catch (error) {
    showError(error);
  }
}

export async function restore(ids: string[]): Promise<void> {
  try {
    const result = await api.restoreArticles(ids);
    const moved = result.changed.map((a) => a.id);
    report(`Restored ${count(moved.length)}`, result, () => api.trashArticles(moved));
  } catch (error) {
    showError(error);
  }
}

/** Deleting for good cannot be undone; the caller asks first. */
export async function purge(ids?: string[]): Promise<void> {
  try {
    const n = await (ids ? api.emptyTrash(ids) : api.emptyTrash());
    notices.show({ tone: 'success', title: `Deleted ${count(n)} for good`, lines: [] });
  } catch (error) {
    showError(error);
  }
}
