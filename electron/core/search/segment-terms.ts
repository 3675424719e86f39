/**
 * The dictionary of a segment being built (index-segment.ts): each distinct
 * term gets a number, in the order terms first appear, with its two word
 * hashes (pair-filter.ts) kept so they are computed once per segment. It is
 * an open-addressed table on the first hash, keyed by the term's characters,
 * so a word of stored HTML (html-words.ts) is looked up where it stands,
 * without being cut out as a string first: only a new term is.
 */
import { wordHash1, wordHash2 } from './pair-filter';
import { spells, spelt } from './word-chars';

const FIRST_CAPACITY = 1024;

export class SegmentTerms {
  /** Every term, by number. */
  readonly terms: string[] = [];
  /** Each term's hashes (wordHash1, wordHash2), by number. */
  first = new Uint32Array(FIRST_CAPACITY);
  second = new Uint32Array(FIRST_CAPACITY);
  /** Term number + 1 in each slot, 0 in an empty one; twice as many slots as terms at least. */
  #slots = new Int32Array(FIRST_CAPACITY * 2);

  get size(): number {
    return this.terms.length;
  }

  /** The number of `term`, given it one if it is new. */
  ofString(term: string): number {
    const first = wordHash1(term);
    const second = wordHash2(term);
    const mask = this.#slots.length - 1;
    for (let slot = first & mask; ; slot = (slot + 1) & mask) {
      const number = (this.#slots[slot] as number) - 1;
      if (number < 0) return this.#add(term, first, second, slot);
      if (this.first[number] === first && this.second[number] === second && this.terms[number] === term)
        return number;
    }
  }

  /**
   * The number of the term that `text` spells from `start` to `end`
   * (word-chars.ts), whose hashes are `first` and `second`; given one if it is new.
   */
  ofSpan(text: string, start: number, end: number, first: number, second: number): number {
    const mask = this.#slots.length - 1;
    for (let slot = first & mask; ; slot = (slot + 1) & mask) {
      const number = (this.#slots[slot] as number) - 1;
      if (number < 0) return this.#add(spelt(text, start, end), first, second, slot);
      if (
        this.first[number] === first &&
        this.second[number] === second &&
        spells(this.terms[number] as string, text, start, end)
      )
        return number;
    }
  }

  #add(term: string, first: number, second: number, slot: number): number {
    const number = this.terms.length;
    this.terms.push(term);
    if (number === this.first.length) {
      const grownFirst = new Uint32Array(number * 2);
      const grownSecond = new Uint32Array(number * 2);
      grownFirst.set(this.first);
      grownSecond.set(this.second);
      this.first = grownFirst;
      this.second = grownSecond;
    }
    this.first[number] = first;
    this.second[number] = second;
    this.#slots[slot] = number + 1;
    if (this.terms.length * 2 > this.#slots.length) this.#rehash();
    return number;
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    for (let number = 0; number < this.terms.length; number++) {
      let slot = (this.first[number] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = number + 1;
    }
    this.#slots = slots;
  }
}
