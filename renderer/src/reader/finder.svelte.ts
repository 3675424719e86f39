/**
 * Find in article as state: whether the bar is open, the query, and which
 * match is current. The matches are derived from the article's text (passed
 * in as a function, so a test gives a string and the reader gives its index),
 * and only while the bar is open; scrolling to a match is left to the reader,
 * which knows where the text is on screen.
 */
import { findAll, MAX_MATCHES } from './find';

export interface Match {
  start: number;
  end: number;
}

export class Finder {
  open = $state(false);
  query = $state('');
  /** The current match's position in `matches`; -1 before the first step. */
  current = $state(0);
  readonly matches: Match[] = $derived.by(() => {
    const text = this.#text();
    return text !== null && this.open ? findAll(text, this.query) : [];
  });
  readonly #text: () => string | null;

  /** `text`: the article's text, or null while it is not on the page. */
  constructor(text: () => string | null) {
    this.#text = text;
  }

  /** True when there may be more matches than are shown. */
  get capped(): boolean {
    return this.matches.length >= MAX_MATCHES;
  }

  /** Searches for a new query and makes its first match current. */
  search(query: string): Match | null {
    this.query = query;
    this.current = -1;
    return this.step(1);
  }

  /** Moves to the next (1) or previous (-1) match, round the ends; the match to show, if any. */
  step(by: 1 | -1): Match | null {
    const count = this.matches.length;
    if (count === 0) return null;
    this.current = (this.current + by + count) % count;
    return this.matches[this.current] ?? null;
  }

  /** Closes the bar and forgets the query. */
  close(): void {
    this.open = false;
    this.query = '';
  }
}
