/**
 * Which adjacent word pairs a document holds, as a Bloom filter per document,
 * so a phrase is checked without reading the article: "new zealand" matches a
 * document holding both words only if its filter holds the pair ("new",
 * "zealand"); a longer phrase needs each of its adjacent pairs.
 *
 * The trade-off: a list of documents per pair (exact, with positions or
 * pairs as index terms) would add about 1,800 pairs × 4 bytes per article of
 * 2,000 words, some 70 MB at 10,000 articles, against a 300 MB budget for the
 * whole backend; reading each candidate's text took seconds for phrases of
 * common words. A filter of 12 bits per pair with 8 probes costs 1.5 bytes a
 * pair and lets through about 1 in 300 of the documents that hold the words
 * but not the pair. And a phrase of three words or more matches a document
 * holding each of its pairs, even apart ("the party" and "party or" without
 * "the party or"). Pairs never run from one field into the next.
 */

const BITS_PER_PAIR = 12;
const PROBES = 8;
const MIN_BYTES = 8;

/** Murmur3's finalizer: spreads every input bit over the whole 32-bit word. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The first of a word's two hashes, FNV-1a, fed one character code at a time from HASH1_START. */
export const HASH1_START = 0x811c9dc5;
export function hash1Step(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/** The second, independent of the first, a murmur-style mix, fed likewise from HASH2_START. */
export const HASH2_START = 0x5bd1e995;
export function hash2Step(h: number, code: number): number {
  const mixed = Math.imul(h ^ code, 0x5bd1e995);
  return mixed ^ (mixed >>> 15);
}

export function wordHash1(word: string): number {
  let h = HASH1_START;
  for (let i = 0; i < word.length; i++) h = hash1Step(h, word.charCodeAt(i));
  return h >>> 0;
}

export function wordHash2(word: string): number {
  let h = HASH2_START;
  for (let i = 0; i < word.length; i++) h = hash2Step(h, word.charCodeAt(i));
  return h >>> 0;
}

/**
 * A pair's two hashes, for double hashing (probe k looks at bit
 * (h1 + k·h2) mod size), made from its words' hashes so that each word is
 * hashed once however many pairs it is in; the order of the words counts.
 */
function pairHash1(first: number, second: number): number {
  return mix(Math.imul(first, 0x9e3779b1) ^ second);
}

/** Odd, so that the probes visit distinct bits; never 0, which marks an empty slot below. */
function pairHash2(first: number, second: number): number {
  return (mix(Math.imul(first ^ 0x27d4eb2f, 0x165667b1) + second) | 1) >>> 0;
}

/**
 * Sets the probes' bits: bit (h1 + k·h2) mod size for k below PROBES,
 * stepped in integers (each term reduced mod size first) rather than
 * computed in floating point each time: the same bits.
 */
function setBits(filter: Uint8Array, h1: number, h2: number): void {
  const bits = filter.length * 8;
  const step = h2 % bits;
  let bit = h1 % bits;
  for (let k = 0; k < PROBES; k++) {
    filter[bit >>> 3] = (filter[bit >>> 3] as number) | (1 << (bit & 7));
    bit += step;
    if (bit >= bits) bit -= bits;
  }
}

/** The filter of every adjacent pair within each field's tokens. */
export function buildPairFilter(fields: readonly (readonly string[])[]): Uint8Array {
  const words = new PairWords();
  for (const tokens of fields) {
    for (const token of tokens) words.push(wordHash1(token), wordHash2(token));
    words.endField();
  }
  return words.filter();
}

/**
 * A document's words as their two hashes, field after field, kept in
 * buffers that are reused from one document to the next (clear()), so a
 * builder of many filters allocates little besides the filters.
 */
export class PairWords {
  #first = new Uint32Array(1024);
  #second = new Uint32Array(1024);
  /** Where each field ends in #first and #second. */
  #ends: number[] = [];
  #length = 0;
  /** The table of distinct pairs, reused (and cleared) by each filter(). */
  #slotFirst = new Uint32Array(0);
  #slotSecond = new Uint32Array(0);
  /** The distinct pairs' slots in the table, in the order they were found, so the filter is set without scanning it. */
  #taken = new Uint32Array(0);

  push(first: number, second: number): void {
    if (this.#length === this.#first.length) {
      const grownFirst = new Uint32Array(this.#length * 2);
      const grownSecond = new Uint32Array(this.#length * 2);
      grownFirst.set(this.#first);
      grownSecond.set(this.#second);
      this.#first = grownFirst;
      this.#second = grownSecond;
    }
    this.#first[this.#length] = first;
    this.#second[this.#length] = second;
    this.#length++;
  }

  endField(): void {
    this.#ends.push(this.#length);
  }

  clear(): void {
    this.#length = 0;
    this.#ends = [];
  }

  /** The filter of every adjacent pair within each field. */
  filter(): Uint8Array {
    const ends = this.#ends;
    let total = 0;
    let from = 0;
    for (const end of ends) {
      total += Math.max(0, end - from - 1);
      from = end;
    }
    // Distinct pairs are counted in an open-addressed table of their two
    // hashes (all the filter keeps of a pair), so the filter is sized by them.
    const slots = 2 ** Math.ceil(Math.log2(Math.max(2, total * 2)));
    if (this.#slotFirst.length < slots) {
      this.#slotFirst = new Uint32Array(slots);
      this.#slotSecond = new Uint32Array(slots);
      this.#taken = new Uint32Array(slots);
    } else this.#slotSecond.fill(0, 0, slots);
    const taken = this.#taken;
    const tableFirst = this.#slotFirst;
    const tableSecond = this.#slotSecond;
    const words1 = this.#first;
    const words2 = this.#second;
    const mask = slots - 1;
    let distinct = 0;
    from = 0;
    for (const end of ends) {
      for (let i = from + 1; i < end; i++) {
        const h1 = pairHash1(words1[i - 1] as number, words1[i] as number);
        const h2 = pairHash2(words2[i - 1] as number, words2[i] as number);
        let slot = h1 & mask;
        while (tableSecond[slot] !== 0 && (tableFirst[slot] !== h1 || tableSecond[slot] !== h2))
          slot = (slot + 1) & mask;
        if (tableSecond[slot] === 0) {
          tableFirst[slot] = h1;
          tableSecond[slot] = h2;
          taken[distinct++] = slot;
        }
      }
      from = end;
    }
    const filter = new Uint8Array(Math.max(MIN_BYTES, Math.ceil((distinct * BITS_PER_PAIR) / 8)));
    for (let i = 0; i < distinct; i++) {
      const slot = taken[i] as number;
      setBits(filter, tableFirst[slot] as number, tableSecond[slot] as number);
    }
    return filter;
  }
}

/** A phrase's pairs hashed once, to test against many documents' filters. */
export type PhraseProbe = Float64Array;

export function phraseProbe(words: readonly string[]): PhraseProbe {
  const probe = new Float64Array(Math.max(0, words.length - 1) * 2);
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i] as string, words[i + 1] as string];
    const h1 = pairHash1(wordHash1(a), wordHash1(b));
    const h2 = pairHash2(wordHash2(a), wordHash2(b));
    probe[2 * i] = h1;
    probe[2 * i + 1] = h2;
  }
  return probe;
}

/** False when the document certainly lacks one of the phrase's pairs; true when it (very likely) holds them all. */
export function mayHoldPhrase(filter: Uint8Array, probe: PhraseProbe): boolean {
  const bits = filter.length * 8;
  if (bits === 0) return probe.length === 0;
  for (let i = 0; i < probe.length; i += 2) {
    const h1 = probe[i] as number;
    const h2 = probe[i + 1] as number;
    for (let k = 0; k < PROBES; k++) {
      const bit = (h1 + k * h2) % bits;
      if (((filter[bit >>> 3] as number) & (1 << (bit & 7))) === 0) return false;
    }
  }
  return true;
}

/** Whether the filter (very likely) holds the pair (`first`, `second`). */
export function mayHoldPair(filter: Uint8Array, first: string, second: string): boolean {
  return mayHoldPhrase(filter, phraseProbe([first, second]));
}
