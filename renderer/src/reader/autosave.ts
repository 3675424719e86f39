/**
 * Autosave for notes: nothing typed may be lost. Each keystroke
 *   - is copied to localStorage at once (a draft that outlives a crash of the
 *     window, recovered the next time the note is opened), and
 *   - schedules a save DELAY_MS after the last keystroke (well within the
 *     promised second).
 * Leaving the field, closing the window (pagehide) and closing the article
 * save at once. Saves run one after another, so an older text never lands
 * after a newer one. A failed save (the backend restarting) keeps the draft
 * and retries until it succeeds; only a confirmed save clears the draft.
 */
import { debounce, SerialQueue } from '@shared/async';

const DELAY_MS = 600;
const RETRY_MS = 2000;
const PREFIX = 'lectern-draft:';

export type SaveState = 'saved' | 'pending' | 'retrying';

export class Autosaver {
  #pending: string | null = null;
  /** One save at a time, in order: a later draft never lands before an earlier one. */
  readonly #saves = new SerialQueue();
  readonly #later = debounce((): void => void this.flush(), DELAY_MS);
  readonly #retry = debounce((): void => void this.flush(), RETRY_MS);

  constructor(
    private readonly key: string,
    private readonly save: (text: string) => Promise<void>,
    private readonly onState: (state: SaveState) => void = () => undefined,
  ) {}

  /** A draft left by a window that closed before its save was confirmed. */
  static draft(key: string): string | null {
    return localStorage.getItem(PREFIX + key);
  }

  change(text: string): void {
    this.#pending = text;
    localStorage.setItem(PREFIX + this.key, text);
    this.onState('pending');
    this.#retry.cancel();
    this.#later();
  }

  /** Saves now whatever is waiting; resolves when it is stored (or has failed and will be retried). */
  flush(): Promise<void> {
    this.#later.cancel();
    this.#retry.cancel();
    const text = this.#pending;
    if (text === null) return this.#saves.idle();
    this.#pending = null;
    return this.#saves.run(async () => {
      try {
        await this.save(text);
        if (this.#pending === null) {
          localStorage.removeItem(PREFIX + this.key);
          this.onState('saved');
        }
      } catch {
        if (this.#pending === null) this.#pending = text;
        this.onState('retrying');
        this.#retry();
      }
    });
  }
}
