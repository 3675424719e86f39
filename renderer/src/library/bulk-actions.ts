/**
 * What the bulk bar, the tag editor, the tag menu, the saved views and drops
 * on the sidebar do to the library, each followed by a notice that says what
 * happened and, where it can be undone, offers to undo it. Every failure is
 * told through a notice too, so the components only call and close.
 */
import type { ArticleState, BulkResult, LecternClient, TagChange } from '@shared/api';
import type { ArticleSummary } from '@shared/article';
import type { TagColor } from '@shared/api/tags';
import { errorNotice, type Notices } from '../ui/notices.svelte';

function count(n: number): string {
  return n === 1 ? '1 article' : `${n.toLocaleString()} articles`;
}

export class LibraryActions {
  readonly #api: LecternClient;
  readonly #notices: Pick<Notices, 'show'>;

  constructor(api: LecternClient, notices: Pick<Notices, 'show'>) {
    this.#api = api;
    this.#notices = notices;
  }

  showError(error: unknown): void {
    this.#notices.show(errorNotice('That did not work', error));
  }

  archive(ids: string[], archived: boolean): Promise<void> {
    return this.#undoable(
      (n) => (archived ? `Archived ${count(n)}` : `Moved ${count(n)} to the inbox`),
      () => this.#api.updateArticles(ids, { status: archived ? 'archived' : 'inbox' }),
    );
  }

  favorite(ids: string[], on: boolean): Promise<void> {
    return this.#undoable(
      (n) => (on ? `Added ${count(n)} to favorites` : `Removed ${count(n)} from favorites`),
      () => this.#api.updateArticles(ids, { favorite: on }),
    );
  }

  markRead(ids: string[], read: boolean): Promise<void> {
    return this.#undoable(
      (n) => `Marked ${count(n)} as ${read ? 'read' : 'unread'}`,
      () => this.#api.updateArticles(ids, { read }),
    );
  }

  /**
   * Archives one article, or moves it back to the inbox, from the reader:
   * the article in its new state, or null when it failed (and was told).
   */
  setArchived(id: string, archived: boolean): Promise<ArticleSummary | null> {
    return this.#attempt(async () => {
      const summary = await this.#api.updateArticle(id, { status: archived ? 'archived' : 'inbox' });
      this.#notices.show({
        tone: 'success',
        title: archived ? 'Archived' : 'Moved back to the inbox',
        lines: [],
      });
      return summary;
    });
  }

  /** Marks one article a favorite or not: the article in its new state, or null when it failed (and was told). */
  setFavorite(id: string, on: boolean): Promise<ArticleSummary | null> {
    return this.#attempt(() => this.#api.updateArticle(id, { favorite: on }));
  }

  tag(ids: string[], tags: string[]): Promise<void> {
    return this.#undoable(
      (n) => `Tagged ${count(n)} “${tags.join('”, “')}”`,
      () => this.#api.tagArticles(ids, tags),
    );
  }

  untag(ids: string[], tags: string[]): Promise<void> {
    return this.#undoable(
      (n) => `Removed “${tags.join('”, “')}” from ${count(n)}`,
      () => this.#api.untagArticles(ids, tags),
    );
  }

  async trash(ids: string[]): Promise<void> {
    await this.#attempt(async () => {
      const result = await this.#api.trashArticles(ids);
      const moved = result.changed.map((a) => a.id);
      this.#report(`Moved ${count(moved.length)} to the trash`, result, () =>
        this.#api.restoreArticles(moved),
      );
    });
  }

  async restore(ids: string[]): Promise<void> {
    await this.#attempt(async () => {
      const result = await this.#api.restoreArticles(ids);
      const moved = result.changed.map((a) => a.id);
      this.#report(`Restored ${count(moved.length)}`, result, () => this.#api.trashArticles(moved));
    });
  }

  /** Deleting for good cannot be undone; the caller asks first. */
  async purge(ids?: string[]): Promise<void> {
    await this.#attempt(async () => {
      const n = await (ids ? this.#api.emptyTrash(ids) : this.#api.emptyTrash());
      this.#notices.show({ tone: 'success', title: `Deleted ${count(n)} for good`, lines: [] });
    });
  }

  /** Renames a tag, or merges it into `mergeInto` when that tag exists; true when done. */
  renameTag(from: string, to: string, mergeInto: string | null): Promise<boolean> {
    return this.#succeeds(async () => {
      const result = await this.#api.renameTag(from, to);
      this.#notices.show({
        tone: 'success',
        title: mergeInto ? `Merged “${from}” into “${mergeInto}”` : `Renamed “${from}” to “${to}”`,
        lines: [
          result.changed.length === 1 ? '1 article changed' : `${result.changed.length} articles changed`,
        ],
        action: { label: 'Undo', run: () => void this.undoTagChange(result) },
      });
    });
  }

  async setTagColor(name: string, color: TagColor | null): Promise<void> {
    await this.#attempt(() => this.#api.setTagColor(name, color));
  }

  /** Removes a tag from every article; true when done. */
  deleteTag(name: string): Promise<boolean> {
    return this.#succeeds(async () => {
      const result = await this.#api.deleteTag(name);
      this.#notices.show({
        tone: 'success',
        title: `Deleted the tag “${name}”`,
        lines: [],
        action: { label: 'Undo', run: () => void this.undoTagChange(result) },
      });
    });
  }

  /** Undoes a tag rename, merge or delete: the articles' tags, then the colours. */
  async undoTagChange(change: TagChange): Promise<void> {
    await this.#attempt(async () => {
      await this.#api.restoreStates(change.undo);
      if (Object.keys(change.colorsBefore).length > 0) await this.#api.restoreTagColors(change.colorsBefore);
    });
  }

  /** Saves a query as a named view; true when saved. */
  saveView(name: string, query: string): Promise<boolean> {
    return this.#succeeds(async () => {
      await this.#api.saveView(name, query);
      this.#notices.show({ tone: 'success', title: `Saved the view “${name}”`, lines: [query] });
    });
  }

  /** Removes a saved view; true when removed. */
  deleteView(name: string): Promise<boolean> {
    return this.#succeeds(() => this.#api.deleteView(name));
  }

  async #undoable(title: (changed: number) => string, run: () => Promise<BulkResult>): Promise<void> {
    await this.#attempt(async () => {
      const result = await run();
      const states: ArticleState[] = result.undo;
      this.#report(
        title(result.changed.length),
        result,
        states.length > 0 ? () => this.#api.restoreStates(states) : undefined,
      );
    });
  }

  /** Runs an action, telling the person when it fails: its result, or null when it failed. */
  async #attempt<T>(run: () => Promise<T>): Promise<T | null> {
    try {
      return await run();
    } catch (error) {
      this.showError(error);
      return null;
    }
  }

  /** Runs an action, telling the person when it fails: whether it was done. */
  async #succeeds(run: () => Promise<unknown>): Promise<boolean> {
    const done = await this.#attempt(async () => {
      await run();
      return true;
    });
    return done ?? false;
  }

  #report(title: string, result: { failed: { message: string }[] }, undo?: () => Promise<unknown>): void {
    if (result.failed.length > 0) {
      this.#notices.show({
        tone: 'error',
        title: 'Some articles could not be changed',
        lines: result.failed.map((f) => f.message),
      });
    }
    this.#notices.show({
      tone: 'success',
      title,
      lines: [],
      action: undo
        ? { label: 'Undo', run: () => void undo().catch((error) => this.showError(error)) }
        : undefined,
    });
  }
}
