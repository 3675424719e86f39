/**
 * A compact inverted index: for each term, the sorted list of documents that
 * contain it, as a Uint32Array of document numbers. No positions and no
 * frequencies: each document carries a filter of its adjacent word pairs
 * instead (pair-filter.ts), which checks phrases, and ranking uses the
 * catalog. That trade keeps 10,000 articles of 2,000 words in tens of
 * megabytes instead of hundreds (a general library such as MiniSearch keeps a
 * Map per term per document), and makes the file on disk a straight copy of
 * the arrays.
 *
 * Documents get numbers in the order they are added, so appending keeps every
 * list sorted. Changing a document removes its number (a tombstone) and adds
 * it again under a new one; compact() drops tombstones when they pile up.
 * New terms go to a small unsorted list beside the sorted dictionary, so a
 * prefix lookup stays a binary search plus a short scan.
 */
import { createHash } from 'node:crypto';
import { yieldToEventLoop } from '../../shared/async';
import type { IndexSegment } from './index-segment';

const MAGIC = 'LECTERN-INDEX';
// 4: word-pair filters hash each word once (pair-filter.ts), so filters of format 3 no longer match.
const FORMAT = 4;
/** Merge the unsorted new terms into the dictionary beyond this many. */
const MAX_UNSORTED = 4096;
/** Terms added to the dictionary between turns of the event loop while loading. */
const TERMS_PER_TURN = 5000;
/** Bytes of an index checksummed between turns of the event loop. */
const HASH_SLICE = 4 * 1024 * 1024;

const NO_FILTER = new Uint8Array(0);

/** SHA-1 in slices, the event loop turning between them: tens of megabytes at once would stall calls. */
async function sha1InSlices(...parts: Uint8Array[]): Promise<string> {
  const hash = createHash('sha1');
  for (const bytes of parts) {
    for (let at = 0; at < bytes.length; at += HASH_SLICE) {
      hash.update(bytes.subarray(at, at + HASH_SLICE));
      await yieldToEventLoop();
    }
  }
  return hash.digest('hex');
}

const SHA1_LENGTH = 40;
const NO_SHA1 = '0'.repeat(SHA1_LENGTH);

/** Where the sha1's characters sit: it is the header's last field, ending just before the closing `"}`. */
const sha1At = (headLength: number) => 8 + headLength - 2 - SHA1_LENGTH;

class Postings {
  constructor(
    public data: Uint32Array,
    public length: number,
  ) {}

  push(doc: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(Math.max(4, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = doc;
  }

  /** Appends `numbers`, copied. */
  append(numbers: Uint32Array): void {
    if (this.length + numbers.length > this.data.length) {
      const grown = new Uint32Array(Math.max(4, this.data.length * 2, this.length + numbers.length));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    this.data.set(numbers, this.length);
    this.length += numbers.length;
  }

  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

/** Thrown when a saved index does not check out; the caller rebuilds. */
export class DamagedIndexError extends Error {}

interface Header {
  magic: string;
  format: number;
  /** Document number → article id, or null for a removed document. */
  docs: (string | null)[];
  /** Document number → the stamp it was indexed at (the article's updatedAt). */
  stamps: (string | null)[];
  /** Document number → the byte length of its pair filter, stored after the postings. */
  filterLengths: number[];
  terms: string[];
  counts: number[];
  sha1: string;
}

export class InvertedIndex {
  #docs: (string | null)[] = [];
  #stamps: (string | null)[] = [];
  #filters: Uint8Array[] = [];
  readonly #numberOf = new Map<string, number>();
  readonly #terms = new Map<string, Postings>();
  #sorted: string[] = [];
  #unsorted: string[] = [];
  #removed = 0;

  /** How many document numbers exist, live or removed: the size of a result bitset. */
  get capacity(): number {
    return this.#docs.length;
  }

  get size(): number {
    return this.#numberOf.size;
  }

  get termCount(): number {
    return this.#terms.size;
  }

  idOf(doc: number): string | null {
    return this.#docs[doc] ?? null;
  }

  numberOf(id: string): number | undefined {
    return this.#numberOf.get(id);
  }

  /** The document's pair filter (pair-filter.ts); empty for a removed one. */
  filterOf(doc: number): Uint8Array {
    return this.#filters[doc] ?? NO_FILTER;
  }

  stampOf(id: string): string | null {
    const doc = this.#numberOf.get(id);
    return doc === undefined ? null : (this.#stamps[doc] ?? null);
  }

  ids(): IterableIterator<string> {
    return this.#numberOf.keys();
  }

  /** Indexes (or re-indexes) a document under its set of terms, with the filter of its word pairs. */
  set(id: string, stamp: string, terms: Iterable<string>, filter: Uint8Array = NO_FILTER): void {
    this.remove(id);
    const doc = this.#docs.length;
    this.#docs.push(id);
    this.#stamps.push(stamp);
    this.#filters.push(filter);
    this.#numberOf.set(id, doc);
    for (const term of terms instanceof Set ? terms : new Set(terms)) {
      let postings = this.#terms.get(term);
      if (!postings) {
        postings = new Postings(new Uint32Array(2), 0);
        this.#terms.set(term, postings);
        this.#unsorted.push(term);
      }
      postings.push(doc);
    }
    if (this.#unsorted.length > MAX_UNSORTED) this.#mergeDictionary();
  }

  /**
   * Indexes (or re-indexes) a segment's documents (index-segment.ts), as
   * set() would one by one in their order: the same numbers, the same
   * postings, for one dictionary lookup per term of the segment. The
   * segment's postings are renumbered in place, so a segment is added once.
   */
  addSegment(segment: IndexSegment): void {
    const base = this.#docs.length;
    let filterAt = 0;
    segment.ids.forEach((id, i) => {
      this.remove(id);
      this.#numberOf.set(id, base + i);
      this.#docs.push(id);
      this.#stamps.push(segment.stamps[i] as string);
      const length = segment.filterLengths[i] as number;
      this.#filters.push(segment.filters.subarray(filterAt, filterAt + length));
      filterAt += length;
    });
    const numbers = segment.postings;
    for (let i = 0; i < numbers.length; i++) numbers[i] = (numbers[i] as number) + base;
    // The lists of the terms new to the index are copied into one buffer of
    // their own, one allocation rather than one per term, and one that does
    // not keep the whole segment's buffer alive.
    const existing: (Postings | undefined)[] = [];
    let fresh = 0;
    for (const [i, term] of segment.terms.entries()) {
      const postings = this.#terms.get(term);
      existing.push(postings);
      if (!postings) fresh += segment.counts[i] as number;
    }
    const freshNumbers = new Uint32Array(fresh);
    let freshAt = 0;
    let at = 0;
    for (const [i, term] of segment.terms.entries()) {
      const count = segment.counts[i] as number;
      const list = numbers.subarray(at, at + count);
      at += count;
      const postings = existing[i];
      if (postings) {
        postings.append(list);
        continue;
      }
      freshNumbers.set(list, freshAt);
      this.#terms.set(term, new Postings(freshNumbers.subarray(freshAt, freshAt + count), count));
      freshAt += count;
      this.#unsorted.push(term);
    }
    if (this.#unsorted.length > MAX_UNSORTED) this.#mergeDictionary();
  }

  remove(id: string): void {
    const doc = this.#numberOf.get(id);
    if (doc === undefined) return;
    this.#numberOf.delete(id);
    this.#docs[doc] = null;
    this.#stamps[doc] = null;
    this.#filters[doc] = NO_FILTER;
    this.#removed++;
  }

  /** True when removed documents make up more than a quarter of the numbers in use. */
  get wantsCompaction(): boolean {
    return this.#removed > 1000 && this.#removed > this.#docs.length / 4;
  }

  /** Document numbers holding `term` exactly; may include removed ones (check idOf). */
  lookup(term: string): Uint32Array {
    return this.#terms.get(term)?.view() ?? new Uint32Array(0);
  }

  /** Calls `visit` with the postings of every term starting with `prefix`. */
  forEachWithPrefix(prefix: string, visit: (docs: Uint32Array) => void): void {
    let lo = 0;
    let hi = this.#sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.#sorted.length; i++) {
      const term = this.#sorted[i] as string;
      if (!term.startsWith(prefix)) break;
      visit(this.lookup(term));
    }
    for (const term of this.#unsorted) if (term.startsWith(prefix)) visit(this.lookup(term));
  }

  #mergeDictionary(): void {
    this.#sorted = [...this.#sorted, ...this.#unsorted].sort();
    this.#unsorted = [];
  }

  /** Renumbers the live documents densely and drops terms no live document holds. */
  compact(): void {
    const renumber = new Int32Array(this.#docs.length).fill(-1);
    const docs: string[] = [];
    const stamps: (string | null)[] = [];
    const filters: Uint8Array[] = [];
    this.#docs.forEach((id, doc) => {
      if (id === null) return;
      renumber[doc] = docs.length;
      this.#numberOf.set(id, docs.length);
      docs.push(id);
      stamps.push(this.#stamps[doc] ?? null);
      filters.push(this.filterOf(doc));
    });
    for (const [term, postings] of this.#terms) {
      const kept = new Postings(new Uint32Array(postings.length), 0);
      for (const doc of postings.view()) {
        const next = renumber[doc] as number;
        if (next >= 0) kept.push(next);
      }
      if (kept.length === 0) this.#terms.delete(term);
      else this.#terms.set(term, new Postings(kept.data.slice(0, kept.length), kept.length));
    }
    this.#docs = docs;
    this.#stamps = stamps;
    this.#filters = filters;
    this.#removed = 0;
    this.#sorted = [...this.#terms.keys()].sort();
    this.#unsorted = [];
  }

  /**
   * The index as bytes: a JSON header, every postings list back to back, then
   * every pair filter. The body is laid out in place in the output (no second
   * copy of tens of megabytes), and its checksum written into the header last.
   * The checksum covers every byte but its own (taken as zeros), header
   * included, so one changed letter anywhere is noticed.
   */
  async serialize(): Promise<Uint8Array> {
    this.#mergeDictionary();
    const terms = this.#sorted;
    const counts = terms.map((term) => (this.#terms.get(term) as Postings).length);
    const total = counts.reduce((sum, n) => sum + n, 0);
    const filterLengths = this.#docs.map((_, doc) => this.filterOf(doc).length);
    const bodyLength = total * 4 + filterLengths.reduce((sum, n) => sum + n, 0);
    const header: Header = {
      magic: MAGIC,
      format: FORMAT,
      docs: this.#docs,
      stamps: this.#stamps,
      filterLengths,
      terms,
      counts,
      sha1: NO_SHA1,
    };
    const head = new TextEncoder().encode(JSON.stringify(header));
    // The body starts on a 4-byte boundary so it can be read as Uint32 in place.
    const pad = (4 - ((8 + head.length) % 4)) % 4;
    const bodyStart = 8 + head.length + pad;
    const out = new Uint8Array(bodyStart + bodyLength);
    const view = new DataView(out.buffer);
    view.setUint32(0, head.length, true);
    view.setUint32(4, pad, true);
    out.set(head, 8);
    const body = new Uint32Array(out.buffer, bodyStart, total);
    let offset = 0;
    for (const term of terms) {
      const postings = (this.#terms.get(term) as Postings).view();
      body.set(postings, offset);
      offset += postings.length;
    }
    let at = bodyStart + total * 4;
    for (let doc = 0; doc < filterLengths.length; doc++) {
      out.set(this.filterOf(doc), at);
      at += filterLengths[doc] as number;
    }
    // Everything above ran without a pause, so the header and body agree even if the index changes now.
    const sha1 = await sha1InSlices(out);
    out.set(new TextEncoder().encode(sha1), sha1At(head.length));
    return out;
  }

  /**
   * Reads an index back from serialize()'s bytes. Building the dictionary of a
   * large index takes a while, so it yields to the event loop every few
   * thousand terms: calls arriving meanwhile are answered (from a scan).
   */
  static async deserialize(bytes: Uint8Array): Promise<InvertedIndex> {
    if (bytes.length < 8) throw new DamagedIndexError('too short');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headLength = view.getUint32(0, true);
    const pad = view.getUint32(4, true);
    if (pad > 3 || 8 + headLength + pad > bytes.length) throw new DamagedIndexError('header overruns');
    let header: Header;
    try {
      header = JSON.parse(
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headLength)),
      ) as Header;
    } catch {
      throw new DamagedIndexError('header is not JSON');
    }
    if (header?.magic !== MAGIC || header.format !== FORMAT)
      throw new DamagedIndexError('not a Lectern index');
    const { docs, stamps, filterLengths, terms, counts } = header;
    if (
      !Array.isArray(docs) ||
      !Array.isArray(stamps) ||
      !Array.isArray(filterLengths) ||
      filterLengths.length !== docs.length ||
      !filterLengths.every((n) => Number.isInteger(n) && n >= 0) ||
      !Array.isArray(terms) ||
      !Array.isArray(counts) ||
      docs.length !== stamps.length ||
      terms.length !== counts.length
    ) {
      throw new DamagedIndexError('header is incomplete');
    }
    const bodyStart = 8 + headLength + pad;
    // A view, not a copy, when the body is aligned for Uint32 (it is in a file read whole).
    const aligned = (bytes.byteOffset + bodyStart) % 4 === 0;
    const bodyBytes = aligned ? bytes.subarray(bodyStart) : bytes.slice(bodyStart);
    const total = counts.reduce((sum, n) => sum + n, 0);
    const filterBytes = filterLengths.reduce((sum, n) => sum + n, 0);
    if (bodyBytes.length !== total * 4 + filterBytes)
      throw new DamagedIndexError('body length does not match');
    const head = bytes.slice(0, bodyStart);
    head.set(new TextEncoder().encode(NO_SHA1), sha1At(headLength));
    if (typeof header.sha1 !== 'string' || (await sha1InSlices(head, bodyBytes)) !== header.sha1) {
      throw new DamagedIndexError('checksum does not match');
    }
    const body = new Uint32Array(bodyBytes.buffer, bodyBytes.byteOffset, total);
    const index = new InvertedIndex();
    index.#docs = docs;
    index.#stamps = stamps;
    let at = bodyBytes.byteOffset + total * 4;
    index.#filters = filterLengths.map((length) => {
      const filter = new Uint8Array(bodyBytes.buffer, at, length);
      at += length;
      return filter;
    });
    docs.forEach((id, doc) => {
      if (id === null) index.#removed++;
      else index.#numberOf.set(id, doc);
    });
    let offset = 0;
    for (let i = 0; i < terms.length; i++) {
      if (i % TERMS_PER_TURN === TERMS_PER_TURN - 1) await yieldToEventLoop();
      const count = counts[i] as number;
      const data = body.subarray(offset, offset + count);
      offset += count;
      index.#terms.set(terms[i] as string, new Postings(data, count));
    }
    index.#sorted = terms;
    return index;
  }
}
