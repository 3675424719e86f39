/**
 * Autosave for notes: nothing typed may be lost, in this window or another.
 * Each keystroke
 *   - is copied to localStorage at once, with the stored text it was written
 *     over (a draft that outlives a crash of the window, recovered the next
 *     time the note is opened), and
 *   - schedules a save DELAY_MS after the last keystroke (well within the
 *     promised second).
 * Leaving the field, closing the window (pagehide) and closing the article
 * save at once. Saves run one after another, so an older text never lands
 * after a newer one. A failed save (the backend restarting) keeps the draft
 * and retries until it succeeds; only a confirmed save clears the draft.
 *
 * Every save names its base, the stored text it was written over, and the
 * backend refuses it when the note has changed since (another window saved):
 * the draft is then kept, saving stops, and the person is asked to choose
 * (resolve) between their text, the other, or both.
 */
import type { NoteEdit, NoteSaved } from '@shared/api';
import { debounce, SerialQueue } from '@shared/async';

const DELAY_MS = 600;
const RETRY_MS = 2000;
const PREFIX = 'lectern-draft:';
/** Where a draft's base is kept; a draft left by an older version has none. */
const BASE_PREFIX = 'lectern-draft-base:';

export type SaveState = 'saved' | 'pending' | 'retrying' | 'conflict';

export interface Draft {
  text: string;
  /** The stored text it was written over, or null for a draft kept without one. */
  base: string | null;
}

/** Both sides of a refused save. */
export interface NoteConflict {
  mine: string;
  theirs: string;
}

export interface AutosaverHooks {
  onState?: (state: SaveState) => void;
  onConflict?: (conflict: NoteConflict) => void;
}

export class Autosaver {
  #pending: string | null = null;
  /**
   * Whether this editor holds words not yet confirmed stored (typed, being
   * saved, or refused). Kept here, not read from the stored draft: every
   * window of the app shares localStorage, so another window's draft of the
   * same note is there too.
   */
  #unsaved = false;
  #base: string;
  /** One save at a time, in order: a later draft never lands before an earlier one. */
  readonly #saves = new SerialQueue();
  readonly #later = debounce((): void => void this.flush(), DELAY_MS);
  readonly #retry = debounce((): void => void this.flush(), RETRY_MS);

  constructor(
    private readonly key: string,
    /** The stored text the editor starts from. */
    base: string,
    private readonly save: (edit: NoteEdit) => Promise<NoteSaved>,
    private readonly hooks: AutosaverHooks = {},
  ) {
    this.#base = base;
  }

  /** A draft left by a window that closed before its save was confirmed. */
  static draft(key: string): Draft | null {
    const text = localStorage.getItem(PREFIX + key);
    return text === null ? null : { text, base: localStorage.getItem(BASE_PREFIX + key) };
  }

  /** The stored text the editor's text is written over. */
  get base(): string {
    return this.#base;
  }

  /** Whether typed text is waiting for a save, or a refused one for the person's choice. */
  get dirty(): boolean {
    return this.#unsaved;
  }

  /**
   * The stored note changed and this window holds nothing unsaved: the
   * editor shows the new text, and the next edit is written over it.
   */
  follow(stored: string): void {
    if (!this.dirty) this.#base = stored;
  }

  change(text: string): void {
    this.#pending = text;
    this.#unsaved = true;
    localStorage.setItem(PREFIX + this.key, text);
    localStorage.setItem(BASE_PREFIX + this.key, this.#base);
    this.#state('pending');
    this.#retry.cancel();
    this.#later();
  }

  /**
   * Ends a conflict with the text the person chose, written over `theirs`
   * (the text the note now holds); choosing theirs saves nothing.
   */
  resolve(theirs: string, text: string): Promise<void> {
    this.#base = theirs;
    if (text !== theirs) {
      this.change(text);
      return this.flush();
    }
    this.#unsaved = false;
    this.#clearDraft();
    this.#state('saved');
    return this.#saves.idle();
  }

  /** Saves now whatever is waiting; resolves when it is stored (or has failed and will be retried). */
  flush(): Promise<void> {
    this.#later.cancel();
    this.#retry.cancel();
    const text = this.#pending;
    if (text === null) return this.#saves.idle();
    this.#pending = null;
    return this.#saves.run(async () => {
      // Read when the save runs: the save before it may have moved the base on.
      const base = this.#base;
      let answer: NoteSaved;
      try {
        answer = await this.save({ text, base });
      } catch {
        if (this.#pending === null) this.#pending = text;
        this.#state('retrying');
        this.#retry();
        return;
      }
      if (!answer.saved) {
        // What the person typed since this save began is theirs to keep too.
        const mine = this.#pending ?? text;
        this.#pending = null;
        this.#later.cancel();
        this.#state('conflict');
        this.hooks.onConflict?.({ mine, theirs: answer.theirs });
        return;
      }
      this.#base = text;
      if (this.#pending === null) {
        this.#unsaved = false;
        this.#clearDraft();
        this.#state('saved');
      } else {
        localStorage.setItem(BASE_PREFIX + this.key, text);
      }
    });
  }

  #clearDraft(): void {
    localStorage.removeItem(PREFIX + this.key);
    localStorage.removeItem(BASE_PREFIX + this.key);
  }

  #state(state: SaveState): void {
    this.hooks.onState?.(state);
  }
}
