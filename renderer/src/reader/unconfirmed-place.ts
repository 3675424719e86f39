/**
 * The reading place kept in the tab until the backend confirms it: a reload
 * right after scrolling can ask for the article before the save sent on
 * leaving has arrived, and would open it where it was before. Session
 * storage is the tab's own, so another window's place never leaks in.
 */
export class UnconfirmedPlace {
  readonly #key: string;

  constructor(
    articleId: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  ) {
    this.#key = `lectern-place:${articleId}`;
  }

  /** Keeps `progress` while `save` stores it, and forgets it once stored, unless a later place came meanwhile. */
  async saveThrough<T>(progress: number, save: (progress: number) => Promise<T>): Promise<T> {
    this.storage.setItem(this.#key, String(progress));
    const saved = await save(progress);
    if (this.storage.getItem(this.#key) === String(progress)) this.storage.removeItem(this.#key);
    return saved;
  }

  /** The place this tab sent last and the backend has not confirmed, or `stored` when there is none. */
  or(stored: number): number {
    const kept = Number(this.storage.getItem(this.#key) ?? NaN);
    return Number.isFinite(kept) ? kept : stored;
  }
}
