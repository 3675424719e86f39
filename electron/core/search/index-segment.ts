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
import type { ArticleMeta } from '../../shared/article';
import { MAX_TERM_LENGTH, tokenize } from '../../shared/search/tokens';
import { contentPath, recordPath, type Place } from '../library/article-folder';
import { parseRecord } from '../library/article-record';
import { isMissing, readOwnFileSync } from '../library/own-file';
import { pendingContent, pendingLinkUrl } from '../library/pending-link';
import { recordFields } from './document';
import { htmlWords, type WordSink } from './html-words';
import { PairWords } from './pair-filter';
import { NOT_INDEXED, SegmentTerms } from './segment-terms';

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

/**
 * Builds a segment article by article. It keeps what documentEntry (with
 * InvertedIndex.set) makes of an article, at a fraction of the cost: the
 * words of the text are read off the HTML where they stand (html-words.ts)
 * and looked up in the segment's own dictionary (segment-terms.ts), which
 * numbers each distinct term and hashes it for the pair filter once per
 * segment; an article's terms go to one list of numbers, sorted into
 * postings only at finish().
 */
export class SegmentBuilder {
  readonly #ids: string[] = [];
  readonly #stamps: string[] = [];
  readonly #filters: Uint8Array[] = [];
  readonly #terms = new SegmentTerms();
  /** The numbers of the indexed terms of each article, article after article. */
  #held = new Uint32Array(64 * 1024);
  #heldLength = 0;
  /** Where each article's numbers end in #held. */
  readonly #heldEnds: number[] = [];
  readonly #words = new PairWords();
  readonly #sink: WordSink = {
    spanWord: (text, start, end, first, second) =>
      this.#take(this.#terms.ofSpan(text, start, end, first, second)),
    word: (term) => this.#take(this.#terms.ofString(term)),
  };

  /** Adds an article from its record and its content.html. */
  add(id: string, stamp: string, meta: ArticleMeta, html: string): void {
    this.#words.clear();
    for (const field of recordFields(meta)) {
      for (const term of tokenize(field)) this.#sink.word(term);
      this.#words.endField();
    }
    htmlWords(html, this.#sink);
    this.#words.endField();
    this.#ids.push(id);
    this.#stamps.push(stamp);
    this.#filters.push(this.#words.filter());
    this.#heldEnds.push(this.#heldLength);
  }

  #take(number: number): void {
    const terms = this.#terms;
    this.#words.push(terms.hashes[2 * number] as number, terms.hashes[2 * number + 1] as number);
    const article = this.#ids.length;
    const seen = terms.lastSeen[number] as number;
    if (seen === article || seen === NOT_INDEXED) return;
    terms.lastSeen[number] = article;
    if (this.#heldLength === this.#held.length) {
      const grown = new Uint32Array(this.#heldLength * 2);
      grown.set(this.#held);
      this.#held = grown;
    }
    this.#held[this.#heldLength++] = number;
  }

  finish(): IndexSegment {
    const filterLengths = Uint32Array.from(this.#filters, (filter) => filter.length);
    const filters = new Uint8Array(filterLengths.reduce((sum, n) => sum + n, 0));
    let at = 0;
    for (const filter of this.#filters) {
      filters.set(filter, at);
      at += filter.length;
    }
    // Each indexed term's place among the segment's terms (in the order they
    // first appeared), how many articles hold it, and where its postings start.
    const all = this.#terms.terms;
    const place = new Int32Array(all.length).fill(-1);
    const terms: string[] = [];
    for (const [number, term] of all.entries()) {
      if (term.length > MAX_TERM_LENGTH) continue;
      place[number] = terms.length;
      terms.push(term);
    }
    const held = this.#held.subarray(0, this.#heldLength);
    for (let i = 0; i < held.length; i++) held[i] = place[held[i] as number] as number;
    const counts = new Uint32Array(terms.length);
    for (const term of held) counts[term] = (counts[term] as number) + 1;
    const next = new Uint32Array(terms.length);
    for (let i = 1; i < terms.length; i++) next[i] = (next[i - 1] as number) + (counts[i - 1] as number);
    // Articles are walked in order, so each term's postings come out ascending.
    const postings = new Uint32Array(held.length);
    let from = 0;
    for (const [article, end] of this.#heldEnds.entries()) {
      for (let i = from; i < end; i++) {
        const term = held[i] as number;
        const at = next[term] as number;
        postings[at] = article;
        next[term] = at + 1;
      }
      from = end;
    }
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
 * The article's record and content.html (a pending link written without one
 * gets its placeholder, as readContent gives it); null when either is
 * missing, a link or damaged.
 */
function readArticle(
  libraryDir: string,
  { id, place }: SegmentItem,
): { meta: ArticleMeta; html: string } | null {
  try {
    const meta = parseRecord(readOwnFileSync(recordPath(libraryDir, place, id)), id);
    return meta && { meta, html: contentOf(contentPath(libraryDir, place, id), meta) };
  } catch {
    return null;
  }
}

function contentOf(path: string, meta: ArticleMeta): string {
  try {
    return readOwnFileSync(path);
  } catch (error) {
    const url = isMissing(error) ? pendingLinkUrl(meta) : null;
    if (url === null) throw error;
    return pendingContent(url);
  }
}

/**
 * Reads the articles from the library folder and builds their segment.
 * Files are read blocking, one article at a time: on a worker thread
 * nothing waits meanwhile, and a small file's asynchronous read cost more
 * in round trips than its reading. `between` runs after each article (a
 * yield to the event loop, when built on a thread that answers calls
 * meanwhile).
 */
export async function buildSegment(
  libraryDir: string,
  items: readonly SegmentItem[],
  between?: () => Promise<void>,
): Promise<BuiltSegment> {
  const builder = new SegmentBuilder();
  const unreadable: string[] = [];
  for (const item of items) {
    const article = readArticle(libraryDir, item);
    if (article) builder.add(item.id, item.stamp, article.meta, article.html);
    else unreadable.push(item.id);
    await between?.();
  }
  return { segment: builder.finish(), unreadable };
}
