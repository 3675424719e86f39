/**
 * A segment: the inverted index of a run of articles, numbered from 0 in
 * their order, built away from the index it joins (on a worker thread, see
 * index-pool.ts) and added to it whole (InvertedIndex.addSegment). A rebuild
 * then costs the index's thread one dictionary lookup per term of the
 * segment, not one per term of every article: at 10,000 articles of 2,000
 * words, some 12 million lookups become well under a million, and the
 * reading, tokenizing and hashing run on as many threads as there are cores.
 *
 * A segment is typed arrays and plain lists, so it crosses between threads
 * with its big buffers transferred, not copied. Added in order, segments
 * leave the index exactly as indexing their articles one by one would.
 */
import { mapBounded } from '../../shared/async';
import { recordPath, readContent, type Place } from '../library/article-folder';
import { readRecord } from '../library/article-record';
import { MAX_TERM_LENGTH, tokenize } from '../../shared/search/tokens';
import { searchDocument, type SearchDocument } from './document';
import { pairFilterOf, wordHash1, wordHash2, type FieldHashes } from './pair-filter';

export interface IndexSegment {
  ids: string[];
  /** Each article's stamp (its updatedAt when it was read). */
  stamps: string[];
  /** Each article's pair filter (pair-filter.ts), back to back; filterLengths says how long each is. */
  filters: Uint8Array;
  filterLengths: Uint32Array;
  /** Every term of the segment, each once, in no particular order. */
  terms: string[];
  /** How many articles hold each term; their numbers, ascending, term after term in `postings`. */
  counts: Uint32Array;
  postings: Uint32Array;
}

/** An article to read into a segment: where it lives and the stamp to index it at. */
export interface SegmentItem {
  id: string;
  place: Place;
  stamp: string;
}

export interface BuiltSegment {
  segment: IndexSegment;
  /** Articles whose files could not be read: left out, as a one-by-one rebuild leaves them. */
  unreadable: string[];
}

/** Articles whose files are read at once while a segment is built. */
const READ_CONCURRENCY = 8;

/** What a segment knows of a term: its articles (null for a term too long to index) and its two hashes. */
interface TermEntry {
  docs: number[] | null;
  first: number;
  second: number;
}

/**
 * Builds a segment article by article. It keeps what documentEntry (with
 * InvertedIndex.set) makes of an article, at less cost: each token is
 * looked up once in the segment's own dictionary, which both deduplicates
 * it and gives its hashes for the pair filter, so a word is hashed once per
 * segment instead of once per occurrence.
 */
export class SegmentBuilder {
  readonly #ids: string[] = [];
  readonly #stamps: string[] = [];
  readonly #filters: Uint8Array[] = [];
  readonly #terms = new Map<string, TermEntry>();

  add(id: string, stamp: string, doc: SearchDocument): void {
    const number = this.#ids.length;
    const fields = doc.fields.map((field): FieldHashes => {
      const tokens = tokenize(field);
      const first = new Uint32Array(tokens.length);
      const second = new Uint32Array(tokens.length);
      for (let i = 0; i < tokens.length; i++) {
        const term = tokens[i] as string;
        let entry = this.#terms.get(term);
        if (!entry) {
          const docs = term.length <= MAX_TERM_LENGTH ? [] : null;
          entry = { docs, first: wordHash1(term), second: wordHash2(term) };
          this.#terms.set(term, entry);
        }
        if (entry.docs && entry.docs[entry.docs.length - 1] !== number) entry.docs.push(number);
        first[i] = entry.first;
        second[i] = entry.second;
      }
      return { first, second };
    });
    this.#ids.push(id);
    this.#stamps.push(stamp);
    this.#filters.push(pairFilterOf(fields));
  }

  finish(): IndexSegment {
    const filterLengths = Uint32Array.from(this.#filters, (filter) => filter.length);
    const filters = new Uint8Array(filterLengths.reduce((sum, n) => sum + n, 0));
    let at = 0;
    for (const filter of this.#filters) {
      filters.set(filter, at);
      at += filter.length;
    }
    const terms: string[] = [];
    const lists: number[][] = [];
    let total = 0;
    for (const [term, { docs }] of this.#terms) {
      if (!docs) continue;
      terms.push(term);
      lists.push(docs);
      total += docs.length;
    }
    const counts = new Uint32Array(terms.length);
    const postings = new Uint32Array(total);
    let offset = 0;
    lists.forEach((docs, i) => {
      counts[i] = docs.length;
      postings.set(docs, offset);
      offset += docs.length;
    });
    return { ids: this.#ids, stamps: this.#stamps, filters, filterLengths, terms, counts, postings };
  }
}

/** The buffers of a segment, to transfer rather than copy when it is posted to another thread. */
export function segmentBuffers(segment: IndexSegment): ArrayBuffer[] {
  return [segment.filters, segment.filterLengths, segment.counts, segment.postings].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

/**
 * Reads the articles from the library folder, through the same functions
 * the library reads them with, and builds their segment. `between` runs
 * after each article (a yield to the event loop, when built on a thread
 * that answers calls meanwhile).
 */
export async function buildSegment(
  libraryDir: string,
  items: readonly SegmentItem[],
  between?: () => Promise<void>,
): Promise<BuiltSegment> {
  const docs = await mapBounded(items, READ_CONCURRENCY, async ({ id, place }) => {
    try {
      const [meta, html] = await Promise.all([
        readRecord(libraryDir, recordPath(libraryDir, place, id), id),
        readContent(libraryDir, place, id),
      ]);
      return searchDocument(meta, html);
    } catch {
      // The article went away or its files are unreadable: it cannot match words.
      return null;
    }
  });
  const builder = new SegmentBuilder();
  const unreadable: string[] = [];
  for (const [i, item] of items.entries()) {
    const doc = docs[i];
    if (doc) builder.add(item.id, item.stamp, doc);
    else unreadable.push(item.id);
    await between?.();
  }
  return { segment: builder.finish(), unreadable };
}
