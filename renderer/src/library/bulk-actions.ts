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
  async setArchived(id: string, archived: boolean): Promise<ArticleSummary | null> {
    try {
      const summary = await this.#api.updateArticle(id, { status: archived ? 'archived' : 'inbox' });
      this.#notices.show({
        tone: 'success',
        title: archived ? 'Archived' : 'Moved back to the inbox',
        lines: [],
      });
      return summary;
    } catch (error) {
      this.showError(error);
      return null;
    }
  }

  /** Marks one article a favorite or not: the article in its new state, or null when it failed (and was told). */
  async setFavorite(id: string, on: boolean): Promise<ArticleSummary | null> {
    try {
      return await this.#api.updateArticle(id, { favorite: on });
    } catch (error) {
      this.showError(error);
      return null;
    }
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
    try {
      const result = await this.#api.trashArticles(ids);
      const moved = result.changed.map((a) => a.id);
      this.#report(`Moved ${count(moved.length)} to the trash`, result, () =>
        this.#api.restoreArticles(moved),
      );
    } catch (error) {
      this.showError(error);
    }
  }

  async restore(ids: string[]): Promise<void> {
    try {
      const result = await this.#api.restoreArticles(ids);
      const moved = result.changed.map((a) => a.id);
      this.#report(`Restored ${count(moved.length)}`, result, () => this.#api.trashArticles(moved));
    } catch (error) {
      this.showError(error);
    }
  }

  /** Deleting for good cannot be undone; the caller asks first. */
  async purge(ids?: string[]): Promise<void> {
    try {
      const n = await (ids ? this.#api.emptyTrash(ids) : this.#api.emptyTrash());
      this.#notices.show({ tone: 'success', title: `Deleted ${count(n)} for good`, lines: [] });
    } catch (error) {
      this.showError(error);
    }
  }

  /** Renames a tag, or merges it into `mergeInto` when that tag exists; true when done. */
  async renameTag(from: string, to: string, mergeInto: string | null): Promise<boolean> {
    try {
      const result = await this.#api.renameTag(from, to);
      this.#notices.show({
        tone: 'success',
        title: mergeInto ? `Merged “${from}” into “${mergeInto}”` : `Renamed “${from}” to “${to}”`,
        lines: [
          result.changed.length === 1 ? '1 article changed' : `${result.changed.length} articles changed`,
        ],
        action: { label: 'Undo', run: () => void this.undoTagChange(result) },
      });
      return true;
    } catch (error) {
      this.showError(error);
      return false;
    }
  }

  async setTagColor(name: string, color: TagColor | null): Promise<void> {
    try {
      await this.#api.setTagColor(name, color);
    } catch (error) {
      this.showError(error);
    }
  }

  /** Removes a tag from every article; true when done. */
  async deleteTag(name: string): Promise<boolean> {
    try {
      const result = await this.#api.deleteTag(name);
      this.#notices.show({
        tone: 'success',
        title: `Deleted the tag “${name}”`,
        lines: [],
        action: { label: 'Undo', run: () => void this.undoTagChange(result) },
      });
      return true;
    } catch (error) {
      this.showError(error);
      return false;
    }
  }

  /** Undoes a tag rename, merge or delete: the articles' tags, then the colours. */
  async undoTagChange(change: TagChange): Promise<void> {
    try {
      await this.#api.restoreStates(change.undo);
      if (Object.keys(change.colorsBefore).length > 0) await this.#api.restoreTagColors(change.colorsBefore);
    } catch (error) {
      this.showError(error);
    }
  }

  /** Saves a query as a named view; true when saved. */
  async saveView(name: string, query: string): Promise<boolean> {
    try {
      await this.#api.saveView(name, query);
      this.#notices.show({ tone: 'success', title: `Saved the view “${name}”`, lines: [query] });
      return true;
    } catch (error) {
      this.showError(error);
      return false;
    }
  }

  /** Removes a saved view; true when removed. */
  async deleteView(name: string): Promise<boolean> {
    try {
      await this.#api.deleteView(name);
      return true;
    } catch (error) {
      this.showError(error);
      return false;
    }
  }

  async #undoable(title: (changed: number) => string, run: () => Promise<BulkResult>): Promise<void> {
    try {
      const result = await run();
      const states: ArticleState[] = result.undo;
      this.#report(
        title(result.changed.length),
        result,
        states.length > 0 ? () => this.#api.restoreStates(states) : undefined,
      );
    } catch (error) {
      this.showError(error);
    }
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
