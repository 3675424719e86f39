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
const DELAY_MS = 600;
const RETRY_MS = 2000;
const PREFIX = 'lectern-draft:';

export type SaveState = 'saved' | 'pending' | 'retrying';

export class Autosaver {
  #pending: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #chain: Promise<void> = Promise.resolve();

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
    this.#schedule(DELAY_MS);
  }

  /** Saves now whatever is waiting; resolves when it is stored (or has failed and will be retried). */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    const text = this.#pending;
    if (text === null) return this.#chain;
    this.#pending = null;
    this.#chain = this.#chain.then(async () => {
      try {
        await this.save(text);
        if (this.#pending === null) {
          localStorage.removeItem(PREFIX + this.key);
          this.onState('saved');
        }
      } catch {
        if (this.#pending === null) this.#pending = text;
        this.onState('retrying');
        this.#schedule(RETRY_MS);
      }
    });
    return this.#chain;
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), ms);
  }
}
