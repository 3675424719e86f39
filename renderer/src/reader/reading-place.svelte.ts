/**
 * The reading place: where in the text the person is (a text offset, see
 * progress.ts), the progress stored from it, and the place kept through a
 * reflow. Measuring the page and storing the progress are passed in, so the
 * rules (save at most once a second but always on leaving, keep one place
 * through changes that follow each other quickly) are tested without a window.
 */

export interface PlaceOptions {
  /** Stores the progress (0..1); a rejection means it was not stored. */
  save: (progress: number) => Promise<unknown>;
  /** The text offset of the paragraph at the top of the view, measured on the page. */
  measure: () => number;
  /** The share of the text before an offset, 0..1. */
  progressAt: (offset: number) => number;
  /** Milliseconds on a steady clock. */
  now?: () => number;
  /** Runs a function after a delay. */
  later?: (run: () => void, ms: number) => void;
}

const SAVE_EVERY_MS = 1000;
/** How long a place taken before a reflow wins over the one the reflow's scroll events would give. */
const KEEP_MS = 1000;

export class ReadingPlace {
  /** How far down the article the window is, 0..1 (the bar's progress line). */
  scrolled = $state(0);
  /** The text offset being read. */
  offset = 0;
  /**
   * The place as a share of the text (1 at the very end), taken with `offset`
   * while the article is on the page: on leaving, the page is already gone,
   * and measuring it then would read as the end.
   */
  progress = 0;
  #saved = -1;
  #lastSave = -Infinity;
  #started = false;
  #keeping: { offset: number; until: number } | null = null;
  #layout: string | null = null;
  readonly #options: Required<PlaceOptions>;

  constructor(options: PlaceOptions) {
    this.#options = {
      now: () => performance.now(),
      later: (run, ms) => setTimeout(run, ms),
      ...options,
    };
  }

  /** Starts reading at `offset`, with `progress` as stored. Nothing is saved before this. */
  start(progress: number, offset: number): void {
    this.progress = this.#saved = progress;
    this.offset = offset;
    this.#started = true;
  }

  /** Takes the place again after a scroll or a reflow; `scrolled` is the window's share, 0..1. */
  take(scrolled: number): void {
    this.scrolled = scrolled;
    this.offset = this.#kept() ?? this.#options.measure();
    this.progress = Number(this.#options.progressAt(this.offset).toFixed(4));
    this.save(false);
  }

  /**
   * Tells the place the layout is now `key` (the settings that move text).
   * On a change, the offset to bring back after the reflow: changes that
   * follow each other quickly (font, then size, size again) keep the place
   * taken before the first, not one read from a reflow half settled.
   */
  relayout(key: string): number | null {
    const changed = this.#layout !== null && this.#layout !== key;
    this.#layout = key;
    if (!changed) return null;
    const keep = this.#kept() ?? this.offset;
    this.#keeping = { offset: keep, until: this.#options.now() + KEEP_MS };
    return keep;
  }

  /** Saved at most once a second while scrolling (`now` false), and at once on leaving or closing the window. */
  save(now: boolean): void {
    if (!this.#started || this.progress === this.#saved) return;
    const time = this.#options.now();
    if (!now && time - this.#lastSave < SAVE_EVERY_MS) {
      this.#options.later(() => this.save(false), SAVE_EVERY_MS);
      return;
    }
    this.#lastSave = time;
    this.#saved = this.progress;
    this.#options.save(this.progress).catch(() => {
      this.#saved = -1;
    });
  }

  #kept(): number | null {
    return this.#keeping && this.#options.now() < this.#keeping.until ? this.#keeping.offset : null;
  }
}
