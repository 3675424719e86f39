/**
 * The dictionary of a segment being built (index-segment.ts): each distinct
 * term gets a number, in the order terms first appear, with its two word
 * hashes (pair-filter.ts) kept so they are computed once per segment. It is
 * an open-addressed table on the first hash, keyed by the term's characters,
 * so a word of stored HTML (html-words.ts) is looked up where it stands,
 * without being cut out as a string first: only a new term is.
 */
import { MAX_TERM_LENGTH } from '../../shared/search/tokens';
import { wordHash1, wordHash2 } from './pair-filter';
import { spells, spelt } from './word-chars';

const FIRST_CAPACITY = 1024;
/** lastSeen of a term too long to index: no article's number, so it is never counted. */
export const NOT_INDEXED = -2;

export class SegmentTerms {
  /** Every term, by number. */
  readonly terms: string[] = [];
  /** Each term's hashes (wordHash1, wordHash2), side by side: term n's at 2n and 2n + 1. */
  hashes = new Uint32Array(FIRST_CAPACITY * 2);
  /**
   * The last article the segment counted each term in, for its builder to
   * keep: -1 for none yet, NOT_INDEXED for a term too long to index.
   */
  lastSeen = new Int32Array(FIRST_CAPACITY).fill(-1);
  /**
   * Two entries a slot: a term's first hash and its number + 1 (0 for an
   * empty slot), side by side so that a probe reads one place in memory;
   * twice as many slots as terms at least.
   */
  #slots = new Int32Array(FIRST_CAPACITY * 4);

  get size(): number {
    return this.terms.length;
  }

  /** The number of `term`, given it one if it is new. */
  ofString(term: string): number {
    const first = wordHash1(term) | 0;
    const slots = this.#slots;
    const mask = slots.length - 2;
    for (let at = (first << 1) & mask; ; at = (at + 2) & mask) {
      const number = (slots[at + 1] as number) - 1;
      if (number < 0) return this.#add(term, first, wordHash2(term), at);
      if (slots[at] === first && this.terms[number] === term) return number;
    }
  }

  /**
   * The number of the term that `text` spells from `start` to `end`
   * (word-chars.ts), whose hashes are `first` and `second`; given one if it is new.
   */
  ofSpan(text: string, start: number, end: number, first: number, second: number): number {
    const hash = first | 0;
    const slots = this.#slots;
    const mask = slots.length - 2;
    for (let at = (hash << 1) & mask; ; at = (at + 2) & mask) {
      const number = (slots[at + 1] as number) - 1;
      if (number < 0) return this.#add(spelt(text, start, end), hash, second, at);
      if (slots[at] === hash && spells(this.terms[number] as string, text, start, end)) return number;
    }
  }

  #add(term: string, first: number, second: number, at: number): number {
    const number = this.terms.length;
    this.terms.push(term);
    if (number === this.lastSeen.length) {
      const hashes = new Uint32Array(number * 4);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const lastSeen = new Int32Array(number * 2).fill(-1);
      lastSeen.set(this.lastSeen);
      this.lastSeen = lastSeen;
    }
    this.hashes[2 * number] = first;
    this.hashes[2 * number + 1] = second;
    if (term.length > MAX_TERM_LENGTH) this.lastSeen[number] = NOT_INDEXED;
    this.#slots[at] = first;
    this.#slots[at + 1] = number + 1;
    if (this.terms.length * 4 > this.#slots.length) this.#rehash();
    return number;
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 2;
    for (let number = 0; number < this.terms.length; number++) {
      const first = (this.hashes[2 * number] as number) | 0;
      let at = (first << 1) & mask;
      while (slots[at + 1] !== 0) at = (at + 2) & mask;
      slots[at] = first;
      slots[at + 1] = number + 1;
    }
    this.#slots = slots;
  }
}
