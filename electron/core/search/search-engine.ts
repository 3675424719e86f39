/**
 * Search over the library: the persisted inverted index (inverted-index.ts)
 * in `.cache/search-index.bin`, kept current as articles change, and a full
 * scan of every article to answer from while the index is not ready.
 *
 * - On start the saved index is loaded and checked against the catalog: an
 *   article whose updatedAt differs from the one it was indexed at is
 *   indexed again, one the library no longer has is dropped. A missing or
 *   damaged file means a rebuild, in the background: many articles are
 *   indexed in segments on worker threads (index-pool.ts) and merged between
 *   turns of the event loop, a few one per turn, so calls keep being answered
 *   meanwhile.
 * - Every change the library reports (see notify) queues its articles; the
 *   queue is worked off in the background once the changes pause (so a
 *   burst of edits is not slowed by indexing between them) and the file saved a few seconds
 *   after the last change, and on close.
 * - A search is right or says it is not complete: the articles the index
 *   does not yet hold as they are now (queued, or changed since they were
 *   indexed) are read and matched whole when they are few; when many (a
 *   rebuild, a bulk import by another process) they are matched on what the
 *   catalog knows (title, byline, site, tags, excerpt) and the result says
 *   `complete: false` with how many are still waiting, rather than answer
 *   slowly or wrongly.
 * - Phrases are checked with each candidate's filter of adjacent word pairs
 *   (pair-filter.ts), never by reading its text, so a phrase of common words
 *   costs what a word does.
 * - What a search needs of every article (which ones the index lags on, each
 *   place newest first, each article's document number, its title's words)
 *   is worked out once and kept until the catalog or the engine changes
 *   (their generations), not on every search: at 10,000 articles those
 *   passes were most of a search's time, from the first search on.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchResult, SnippetPart } from '../../shared/api/search';
import type { ArticleSummary } from '../../shared/article';
import { debounce, mapBounded, SerialQueue, yieldToEventLoop } from '../../shared/async';
import { highlightTerms, parseQuery, type SearchQuery, type Term } from '../../shared/search/query';
import { tokenize } from '../../shared/search/tokens';
import { writeFileAtomic } from '../files/atomic-write';
import { CACHE_DIR } from '../library/catalog';
import type { Place } from '../library/article-folder';
import type { Library } from '../library/library';
import { documentEntry, searchDocument, siteText, type SearchDocument } from './document';
import { IndexPool } from './index-pool';
import type { BuiltSegment, SegmentItem } from './index-segment';
import { DamagedIndexError, InvertedIndex } from './inverted-index';
import { fieldTokens, filtersMatcher, newestFirst, searchesTrash, sortArticles, termsHold } from './match';
import { mayHoldPhrase, phraseProbe, type PhraseProbe } from './pair-filter';
import { makeSnippet } from './snippet';

const INDEX_FILE = 'search-index.bin';
const SAVE_DELAY_MS = 5000;
/**
 * Indexing a changed article waits until no change has come for this long
 * (but never more than REINDEX_MAX_WAIT_MS), so the edits of a burst are not
 * slowed by indexing between them.
 */
const REINDEX_QUIET_MS = 200;
const REINDEX_MAX_WAIT_MS = 2000;
/** Articles read at once when a query must look at text (a scan, or snippets). */
const READ_CONCURRENCY = 16;
/**
 * Articles not yet indexed that a search reads whole; beyond this many it
 * matches them on their summaries instead, and says it is not complete.
 */
const READ_UNINDEXED_MAX = 100;
/** Articles read ahead of the one being indexed. */
const READ_AHEAD = 8;
/**
 * From this many articles to index at once (a rebuild, a bulk import by
 * another process), they are indexed in segments on worker threads
 * (index-pool.ts); fewer are indexed one by one here, which costs less than
 * starting a worker.
 */
const SEGMENTS_FROM = 256;
/**
 * Articles in one segment: merging a segment costs a dictionary lookup per
 * distinct term in it, and most of a segment's terms are in every other
 * segment, so fewer, larger segments cost the index's thread much less
 * (a 512-article segment holds not many more distinct terms than one of
 * 128). A segment still merges in tens of milliseconds, between searches.
 */
const SEGMENT_SIZE = 512;
/** Segments a rebuild is cut into at least, so that a smaller one still keeps every worker busy. */
const MIN_SEGMENTS = 4;
/** Summaries sent with a result: more than a tall window shows. */
const FIRST_SUMMARIES = 40;
/** Titles tokenized between turns of the event loop when the index is loaded. */
const TITLES_PER_TURN = 2000;

export type IndexState = 'loading' | 'building' | 'ready';

/** An article as read for the index: null when the library no longer has it. */
type IndexRead = { stamp: string; doc: SearchDocument } | 'unreadable' | null;

/**
 * Splits articles into those the index holds as they are and the rest
 * (`stale`: their ids, or null while the index loads and holds none yet),
 * without a pass over thousands of articles when one side is empty.
 */
function splitByIndex(
  articles: ArticleSummary[],
  stale: ReadonlySet<string> | null,
): { current: ArticleSummary[]; unindexed: ArticleSummary[] } {
  if (stale === null) return { current: [], unindexed: articles };
  const unindexed = stale.size === 0 ? [] : articles.filter((a) => stale.has(a.id));
  if (unindexed.length === 0) return { current: articles, unindexed };
  return { current: articles.filter((a) => !stale.has(a.id)), unindexed };
}

export class SearchEngine {
  #index = new InvertedIndex();
  #state: IndexState = 'loading';
  /** Articles to index again (or drop), worked off by #work. */
  readonly #pending = new Set<string>();
  #working: Promise<void> | null = null;
  /** The workers of a rebuild under way, stopped at close. */
  #pool: IndexPool | null = null;
  #starting: Promise<void> | null = null;
  /** Starts #work once notified changes pause (REINDEX_QUIET_MS). */
  readonly #reindexSoon = debounce(() => this.#work(), REINDEX_QUIET_MS, { maxWaitMs: REINDEX_MAX_WAIT_MS });
  readonly #saveSoon = debounce(() => void this.#save(), SAVE_DELAY_MS, { unref: true });
  readonly #saves = new SerialQueue();
  #dirty = false;
  #closed = false;
  /**
   * Moves whenever the queue or the index changes; with the catalog's
   * generation it keys #stale, so a search finds the articles the index
   * does not hold as they are with one comparison, not a lookup per article.
   */
  #generation = 0;
  #stale: { catalog: number; engine: number; ids: Set<string> } | null = null;
  #ordered: { generation: number; byPlace: Map<Place, readonly ArticleSummary[]> } | null = null;
  /**
   * Each summary's document number in the index (-1 for none), looked up by
   * id once per change to the engine: a lookup by the summary itself costs
   * a fraction of one by its id, and a search over most of the library
   * makes two for every article.
   */
  #docs: { engine: number; of: WeakMap<ArticleSummary, number> } | null = null;
  /**
   * Each title's tokens, for ranking: kept by summary, which the catalog
   * replaces whenever its article changes, so an entry never goes stale.
   */
  readonly #titleTokens = new WeakMap<ArticleSummary, string[]>();
  /** Each unindexed article's summary fields, tokenized once (see #bySummary). */
  readonly #summaryTokens = new Map<string, string[][]>();
  /** Resolves when the index first becomes ready. */
  readonly ready: Promise<void>;
  #markReady: () => void = () => undefined;

  constructor(private readonly library: Library) {
    this.ready = new Promise((resolve) => {
      this.#markReady = resolve;
    });
  }

  get state(): IndexState {
    return this.#state;
  }

  get #path(): string {
    return join(this.library.dir, CACHE_DIR, INDEX_FILE);
  }

  /**
   * Loads the saved index or starts rebuilding it; returns before a rebuild
   * finishes. Called again, it returns the first call's promise.
   */
  start(): Promise<void> {
    this.#starting ??= this.#start();
    return this.#starting;
  }

  async #start(): Promise<void> {
    let loaded: InvertedIndex | null = null;
    try {
      loaded = await InvertedIndex.deserialize(await readFile(this.#path));
    } catch (error) {
      if (error instanceof DamagedIndexError)
        console.warn(`Lectern: the search index was damaged (${error.message}); rebuilding it.`);
    }
    await this.#tokenizeTitles();
    const summaries = this.library.summaries();
    this.#generation++;
    if (loaded) {
      this.#index = loaded;
      const live = new Set<string>();
      for (const summary of summaries) {
        live.add(summary.id);
        if (loaded.stampOf(summary.id) !== summary.updatedAt) this.#pending.add(summary.id);
      }
      for (const id of [...loaded.ids()]) if (!live.has(id)) this.#pending.add(id);
      this.#setReady();
    } else {
      this.#state = 'building';
      for (const summary of summaries) this.#pending.add(summary.id);
    }
    this.#work();
  }

  /**
   * Tokenizes every title for ranking (#relevance) before the first search
   * is answered, a slice per turn of the event loop: done lazily, the first
   * searches of a session each paid for thousands of titles.
   */
  async #tokenizeTitles(): Promise<void> {
    const summaries = this.library.summaries();
    for (let at = 0; at < summaries.length; at += TITLES_PER_TURN) {
      for (const summary of summaries.slice(at, at + TITLES_PER_TURN)) this.#titleTokensOf(summary);
      await yieldToEventLoop();
    }
  }

  #titleTokensOf(summary: ArticleSummary): string[] {
    let tokens = this.#titleTokens.get(summary);
    if (!tokens) {
      tokens = tokenize(summary.title);
      this.#titleTokens.set(summary, tokens);
    }
    return tokens;
  }

  #setReady(): void {
    this.#state = 'ready';
    this.#markReady();
  }

  /** Tells the engine which articles changed or left; it re-indexes them in the background. */
  notify(ids: Iterable<string>): void {
    this.#generation++;
    for (const id of ids) {
      this.#pending.add(id);
      this.#summaryTokens.delete(id);
    }
    this.#reindexSoon();
  }

  /** Resolves when every queued change is in the index; changes waiting for a pause are started now. */
  async settled(): Promise<void> {
    this.#reindexSoon.flush();
    while (this.#working) await this.#working;
  }

  #work(): void {
    if (this.#working || this.#closed) return;
    this.#working = (async () => {
      while (this.#pending.size > 0 && !this.#closed) {
        // Walked from a copy: taking each id from the front of the set would
        // step over every id already taken, at each turn.
        const queue = [...this.#pending];
        if (queue.length >= SEGMENTS_FROM) {
          await this.#indexInSegments(queue);
          continue;
        }
        for (let at = 0; at < queue.length && !this.#closed; at += READ_AHEAD) {
          // The next few articles are read while each is indexed, so the disk
          // and the tokenizer work at once instead of taking turns.
          const batch = queue.slice(at, at + READ_AHEAD).filter((id) => this.#pending.delete(id));
          this.#generation++;
          const reads = batch.map((id) => this.#read(id));
          for (const [i, id] of batch.entries()) {
            this.#apply(id, await (reads[i] as Promise<IndexRead>));
            await yieldToEventLoop();
          }
        }
      }
      if (this.#index.wantsCompaction) {
        this.#generation++;
        this.#index.compact();
      }
      if (this.#state === 'building') {
        this.#setReady();
        await this.#save();
      } else if (this.#dirty) {
        this.#saveSoon();
      }
    })()
      .catch((error: unknown) => console.error('Lectern: the search index could not be updated:', error))
      .finally(() => {
        this.#working = null;
        if (this.#pending.size > 0) this.#work();
      });
  }

  /**
   * Indexes many articles in segments built on worker threads, merged in
   * the queue's order as they come back (so the index is the one that
   * indexing them one by one makes), the event loop turning between merges.
   * Each article is stamped before its files are read, as in #read.
   */
  async #indexInSegments(queue: string[]): Promise<void> {
    const trashed = new Set(this.library.summaries('trash').map((a) => a.id));
    const pool = new IndexPool();
    this.#pool = pool;
    try {
      const builds: Promise<BuiltSegment | null>[] = [];
      const size = Math.min(SEGMENT_SIZE, Math.ceil(queue.length / MIN_SEGMENTS));
      for (let at = 0; at < queue.length; at += size) {
        const items: SegmentItem[] = [];
        for (const id of queue.slice(at, at + size)) {
          if (!this.#pending.delete(id)) continue;
          if (!this.library.has(id)) this.#apply(id, null);
          else
            items.push({
              id,
              place: trashed.has(id) ? 'trash' : 'articles',
              stamp: this.library.summary(id).updatedAt,
            });
        }
        this.#generation++;
        if (items.length > 0) builds.push(pool.build(this.library.dir, items));
      }
      for (const build of builds) {
        const built = await build;
        if (!built || this.#closed) break;
        this.#index.addSegment(built.segment);
        this.#generation++;
        for (const id of built.segment.ids) {
          this.#summaryTokens.delete(id);
          // Gone while it was read: dropped, as #apply drops it.
          if (!this.library.has(id)) this.#index.remove(id);
        }
        this.#dirty = true;
        await yieldToEventLoop();
      }
    } finally {
      pool.close();
      this.#pool = null;
    }
  }

  /**
   * Reads what the index needs of an article. The stamp is taken before the
   * files are read: an edit landing meanwhile leaves the entry with the older
   * stamp, so the article counts as unindexed until its queued re-index.
   */
  async #read(id: string): Promise<IndexRead> {
    if (!this.library.has(id)) return null;
    const stamp = this.library.summary(id).updatedAt;
    const doc = await this.#document(id);
    return doc ? { stamp, doc } : 'unreadable';
  }

  #apply(id: string, read: IndexRead): void {
    this.#generation++;
    if (read === null || !this.library.has(id)) {
      if (this.#index.numberOf(id) !== undefined) {
        this.#index.remove(id);
        this.#dirty = true;
      }
      return;
    }
    if (read === 'unreadable') return;
    this.#summaryTokens.delete(id);
    const { terms, pairs } = documentEntry(read.doc);
    this.#index.set(id, read.stamp, terms, pairs);
    this.#dirty = true;
  }

  async #document(id: string): Promise<SearchDocument | null> {
    try {
      const [meta, html] = await Promise.all([this.library.get(id), this.library.content(id)]);
      return searchDocument(meta, html);
    } catch {
      // The article went away or its files are unreadable: it cannot match words.
      return null;
    }
  }

  #save(): Promise<void> {
    return this.#saves.run(async () => {
      if (!this.#dirty && this.#state === 'ready') return;
      this.#dirty = false;
      try {
        await mkdir(join(this.library.dir, CACHE_DIR), { recursive: true });
        await writeFileAtomic(this.#path, await this.#index.serialize());
      } catch (error) {
        console.warn('Lectern: could not save the search index:', error);
      }
    });
  }

  /**
   * Indexes what the changes of this session queued, then saves: so a writer
   * that closes soon after writing (the command line after an import) leaves
   * an index that is current, and the next start answers from it at once. A
   * rebuild under way is stopped instead; it picks up where the saved stamps
   * say at the next start.
   */
  async close(): Promise<void> {
    this.#saveSoon.cancel();
    if (this.#state === 'ready') await this.settled();
    this.#closed = true;
    this.#pool?.close();
    this.#reindexSoon.cancel();
    await this.#working;
    if (this.#state === 'ready' && this.#dirty) await this.#save();
    await this.#saves.idle();
  }

  search(input: string): Promise<SearchResult> {
    return this.run(parseQuery(input), input);
  }

  /** Evaluates a parsed query; `scan` forces the index-free path (used by the benchmark's baseline). */
  async run(query: SearchQuery, _input = '', scan = false): Promise<SearchResult> {
    // A saved index loads in well under a second; a scan of every article takes far longer.
    if (!scan && this.#state === 'loading' && query.terms.length > 0) await this.start();
    const indexed = this.#state === 'ready' && !scan;
    const place = searchesTrash(query) ? 'trash' : 'articles';
    let found = this.#newestFirst(place).filter(filtersMatcher(query.filters));
    const stale = this.#state === 'loading' ? null : this.#staleIds();
    const waiting = scan ? 0 : (stale?.size ?? this.library.summaries().length);
    let complete = true;
    if (query.terms.length > 0) {
      if (scan) {
        found = await this.#byText(found, query.terms);
      } else {
        const { current, unindexed } = splitByIndex(found, stale);
        complete = unindexed.length <= READ_UNINDEXED_MAX;
        const late = complete
          ? await this.#byText(unindexed, query.terms)
          : this.#bySummary(unindexed, query.terms);
        const matched = this.#byIndex(current, query.terms);
        if (late.length === 0) found = matched;
        else {
          // Back in `found`'s newest-first order, which sortArticles starts from.
          const kept = new Set([...matched, ...late]);
          found = found.filter((a) => kept.has(a));
        }
      }
    }
    const hasWords = query.terms.some((t) => !t.negate);
    const relevance = hasWords ? this.#relevance(query.terms) : null;
    const sorted = sortArticles(found, query.sort, relevance);
    return {
      ids: sorted.map((a) => a.id),
      first: sorted.slice(0, FIRST_SUMMARIES),
      ignored: query.ignored,
      indexed,
      complete,
      indexing: waiting,
    };
  }

  /**
   * The summaries of `place` newest first, the order a result keeps where
   * nothing else orders it: sorted once per change to the catalog, not on
   * every search (results of thousands of articles then need no sort).
   * Callers copy before changing it.
   */
  #newestFirst(place: Place): readonly ArticleSummary[] {
    const generation = this.library.generation;
    if (this.#ordered?.generation !== generation) this.#ordered = { generation, byPlace: new Map() };
    let ordered = this.#ordered.byPlace.get(place);
    if (!ordered) {
      ordered = newestFirst(this.library.summaries(place));
      this.#ordered.byPlace.set(place, ordered);
    }
    return ordered;
  }

  #docOf(article: ArticleSummary): number | undefined {
    if (this.#docs?.engine !== this.#generation) this.#docs = { engine: this.#generation, of: new WeakMap() };
    let doc = this.#docs.of.get(article);
    if (doc === undefined) {
      doc = this.#index.numberOf(article.id) ?? -1;
      this.#docs.of.set(article, doc);
    }
    return doc < 0 ? undefined : doc;
  }

  /**
   * The ids of the articles, in the library or the trash, the index does not
   * hold as they are now: queued, or changed since they were indexed.
   * Computed again only when the catalog or the engine has changed since.
   */
  #staleIds(): Set<string> {
    const catalog = this.library.generation;
    if (this.#stale?.catalog === catalog && this.#stale.engine === this.#generation) return this.#stale.ids;
    const ids = new Set<string>();
    for (const a of this.library.summaries())
      if (this.#pending.has(a.id) || this.#index.stampOf(a.id) !== a.updatedAt) ids.add(a.id);
    this.#stale = { catalog, engine: this.#generation, ids };
    return ids;
  }

  /** Keeps the articles whose summary (title, byline, site, tags, excerpt) satisfies the terms: no file read. */
  #bySummary(articles: ArticleSummary[], terms: readonly Term[]): ArticleSummary[] {
    return articles.filter((article) => {
      let fields = this.#summaryTokens.get(article.id);
      if (!fields) {
        fields = fieldTokens([
          article.title,
          article.byline ?? '',
          siteText(article),
          article.tags.join(' '),
          '',
          '',
          article.excerpt,
        ]);
        this.#summaryTokens.set(article.id, fields);
      }
      return termsHold(terms, fields);
    });
  }

  /**
   * Keeps the articles whose indexed words satisfy the terms: each word's (or
   * phrase word's) documents marked in a bitset per word, the bitsets ANDed,
   * then each phrase's pairs checked in the survivors' pair filters.
   */
  #byIndex(articles: ArticleSummary[], terms: readonly Term[]): ArticleSummary[] {
    const index = this.#index;
    const size = index.capacity;
    const mark = (into: Uint8Array, docs: Uint32Array) => {
      for (let i = 0; i < docs.length; i++) into[docs[i] as number] = 1;
    };
    /** Documents holding every one of `words` (the last a prefix when asked). */
    const holdingAll = (words: readonly string[], prefix: boolean): Uint8Array => {
      let all: Uint8Array | null = null;
      words.forEach((word, i) => {
        const set = new Uint8Array(size);
        if (prefix && i === words.length - 1) index.forEachWithPrefix(word, (docs) => mark(set, docs));
        else mark(set, index.lookup(word));
        if (all === null) all = set;
        else for (let doc = 0; doc < size; doc++) all[doc] = (all[doc] as number) & (set[doc] as number);
      });
      return all ?? new Uint8Array(size);
    };
    const required: Uint8Array[] = [];
    const excluded: Uint8Array[] = [];
    const phrases: { probe: PhraseProbe; negate: boolean; holding: Uint8Array }[] = [];
    for (const term of terms) {
      if (term.kind === 'word' || term.words.length === 1) {
        const word = term.kind === 'word' ? term.text : (term.words[0] as string);
        const holding = holdingAll([word], term.kind === 'word' && term.prefix);
        (term.negate ? excluded : required).push(holding);
      } else if (term.words.length > 1) {
        const holding = holdingAll(term.words, false);
        if (!term.negate) required.push(holding);
        phrases.push({ probe: phraseProbe(term.words), negate: term.negate, holding });
      }
    }
    return articles.filter((article) => {
      const doc = this.#docOf(article);
      if (doc === undefined) return false;
      if (required.some((set) => set[doc] !== 1) || excluded.some((set) => set[doc] === 1)) return false;
      return phrases.every(
        ({ probe, negate, holding }) =>
          (holding[doc] === 1 && mayHoldPhrase(index.filterOf(doc), probe)) !== negate,
      );
    });
  }

  /** Keeps the articles whose text satisfies the terms, reading each article: the scan. */
  async #byText(articles: ArticleSummary[], terms: readonly Term[]): Promise<ArticleSummary[]> {
    const keep = await mapBounded(articles, READ_CONCURRENCY, async (article) => {
      const doc = await this.#document(article.id);
      return doc !== null && termsHold(terms, fieldTokens(doc.fields));
    });
    return articles.filter((_, i) => keep[i]);
  }

  /**
   * Ranks an article: first whether the word still being typed is in it
   * whole ("sea" as "sea", not only as "seattle" or "searches"), then how
   * many of the query's words its title holds, a whole word counting twice a
   * word that only begins one. A small whole number, as sortArticles needs.
   */
  #relevance(terms: readonly Term[]): (article: ArticleSummary) => number {
    const words: { text: string; prefix: boolean }[] = [];
    for (const term of terms) {
      if (term.negate) continue;
      if (term.kind === 'phrase') words.push(...term.words.map((text) => ({ text, prefix: false })));
      else words.push(term);
    }
    const holdingWhole = words
      .filter((word) => word.prefix)
      .map((word) => {
        const holding = new Uint8Array(this.#index.capacity);
        for (const doc of this.#index.lookup(word.text)) holding[doc] = 1;
        return holding;
      });
    const wholeBonus = 2 * words.length + 1;
    return (article) => {
      const tokens = this.#titleTokensOf(article);
      let score = 0;
      for (const word of words) {
        if (tokens.includes(word.text)) score += 2;
        else if (word.prefix && tokens.some((t) => t.startsWith(word.text))) score += 1;
      }
      const doc = this.#docOf(article);
      const whole = holdingWhole.every((holding) => doc !== undefined && holding[doc] === 1);
      return (whole ? wholeBonus : 0) + score;
    };
  }

  async snippets(input: string, ids: string[]): Promise<Record<string, SnippetPart[]>> {
    const terms = highlightTerms(parseQuery(input));
    const out: Record<string, SnippetPart[]> = {};
    if (terms.words.length + terms.prefixes.length === 0) return out;
    const docs = await mapBounded(ids, READ_CONCURRENCY, async (id) =>
      this.library.has(id) ? this.#document(id) : null,
    );
    ids.forEach((id, i) => {
      const doc = docs[i];
      if (!doc) return;
      // Highlights with their notes, the note, then the full text.
      const snippet = makeSnippet([doc.fields[4] ?? '', doc.fields[5] ?? '', doc.fields[6] ?? ''], terms);
      if (snippet) out[id] = snippet;
    });
    return out;
  }
}
