/**
 * What the library announces after it writes, so no caller has to remember
 * to: every write reports itself exactly once, here. Writes made inside
 * batch() are gathered and announced as one 'library-changed' when the batch
 * ends, so a change to 5,000 articles is one event, not 5,000. The batch is
 * found through AsyncLocalStorage, not a flag, so a write that merely runs at
 * the same time (another window's edit) is announced on its own and at once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { LecternEvent } from '../../shared/api';
import type { ArticleSummary } from '../../shared/article';
import { EventHub } from '../events';

/** The events a library write causes. */
export type LibraryEvent = Extract<
  LecternEvent,
  { type: 'library-changed' | 'library-settings-changed' | 'annotations-changed' | 'settings-changed' }
>;

export type LibraryListener = (event: LibraryEvent) => void;

interface Gathered {
  changed: Map<string, ArticleSummary>;
  removed: Set<string>;
}

export class ChangeFeed {
  readonly #listeners = new EventHub<LibraryEvent>();
  readonly #batch = new AsyncLocalStorage<Gathered>();

  subscribe(listener: LibraryListener): () => void {
    return this.#listeners.subscribe(listener);
  }

  emit(event: LibraryEvent): void {
    this.#listeners.emit(event);
  }

  /** Articles changed (in their new state) or deleted for good: announced now, or at the end of the batch. */
  articles(changed: ArticleSummary[], removed: string[] = []): void {
    const batch = this.#batch.getStore();
    if (!batch) {
      if (changed.length + removed.length > 0) this.emit({ type: 'library-changed', changed, removed });
      return;
    }
    for (const summary of changed) {
      batch.removed.delete(summary.id);
      batch.changed.set(summary.id, summary);
    }
    for (const id of removed) {
      batch.changed.delete(id);
      batch.removed.add(id);
    }
  }

  /** Runs `run`, announcing the article changes it makes as one event at its end; a nested batch joins the outer one. */
  async batch<T>(run: () => Promise<T>): Promise<T> {
    if (this.#batch.getStore()) return run();
    const gathered: Gathered = { changed: new Map(), removed: new Set() };
    try {
      return await this.#batch.run(gathered, run);
    } finally {
      this.articles([...gathered.changed.values()], [...gathered.removed]);
    }
  }
}
