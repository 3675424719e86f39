/**
 * The highlight cache, `.cache/highlights.json`: every annotated article's
 * highlights, so the Highlights view does not read thousands of article.json
 * files each time it is shown. Derived data, like the catalog: an entry is
 * trusted only while its article's updatedAt (from the catalog) is the one it
 * was read at, and while each of its highlights checks out against the
 * schema; anything else is read again from article.json. The file is
 * read on the first call, not at open, so a library nobody browses by
 * highlight pays nothing for it, and written a moment after a call that had
 * to read articles.
 */
import { join } from 'node:path';
import * as v from 'valibot';
import type { Highlight } from '../../shared/annotation';
import type { ArticleMeta, ArticleSummary } from '../../shared/article';
import { debounce, mapBounded } from '../../shared/async';
import { writeFileAtomic } from '../files/atomic-write';
import { storedHighlight } from '../../shared/schemas/article-record';
import { CACHE_DIR } from './catalog';
import { readOwnFile } from './own-file';

const CACHE_FILE = 'highlights.json';
const CACHE_VERSION = 1;
const SAVE_DELAY_MS = 2000;
/** Articles read at once when the cache is missing or stale. */
const READ_BATCH = 32;

interface Entry {
  /** The article's updatedAt when its highlights were read. */
  updatedAt: string;
  highlights: Highlight[];
}

interface CacheFile {
  version: number;
  entries: Record<string, Entry>;
}

/** Where the cache finds articles: the library, seen only through what the cache needs. */
export interface ArticleSource {
  summaries(place: 'articles'): ArticleSummary[];
  get(id: string): Promise<ArticleMeta>;
}

export interface AnnotatedArticle {
  summary: ArticleSummary;
  highlights: Highlight[];
}

function looksLikeEntry(value: unknown): value is Entry {
  const entry = value as Partial<Entry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.updatedAt === 'string' &&
    Array.isArray(entry.highlights) &&
    entry.highlights.every((highlight) => v.is(storedHighlight, highlight))
  );
}

export class HighlightCache {
  #entries: Map<string, Entry> | null = null;
  readonly #saveSoon = debounce(() => void this.#write(), SAVE_DELAY_MS, { unref: true });

  constructor(
    private readonly libraryDir: string,
    private readonly articles: ArticleSource,
  ) {}

  get #path(): string {
    return join(this.libraryDir, CACHE_DIR, CACHE_FILE);
  }

  async #load(): Promise<Map<string, Entry>> {
    if (this.#entries) return this.#entries;
    const entries = new Map<string, Entry>();
    try {
      const parsed = JSON.parse(await readOwnFile(this.#path)) as CacheFile;
      if (parsed?.version === CACHE_VERSION && typeof parsed.entries === 'object') {
        for (const [id, entry] of Object.entries(parsed.entries)) {
          if (looksLikeEntry(entry)) entries.set(id, entry);
        }
      }
    } catch {
      // Missing, damaged or a link: every article is read once and the file written again.
    }
    this.#entries ??= entries;
    return this.#entries;
  }

  /** Every article in the library (not the trash) that has highlights, with them. */
  async annotated(): Promise<AnnotatedArticle[]> {
    const entries = await this.#load();
    const summaries = this.articles.summaries('articles').filter((s) => s.highlightCount > 0);
    const stale = summaries.filter((s) => entries.get(s.id)?.updatedAt !== s.updatedAt);
    await mapBounded(stale, READ_BATCH, async (summary) => {
      try {
        const meta = await this.articles.get(summary.id);
        entries.set(summary.id, { updatedAt: meta.updatedAt, highlights: meta.highlights });
      } catch {
        // Gone or unreadable since the catalog saw it: it has no highlights to show.
        entries.delete(summary.id);
      }
    });
    const live = new Set(summaries.map((s) => s.id));
    let dropped = false;
    for (const id of entries.keys()) {
      if (!live.has(id)) {
        entries.delete(id);
        dropped = true;
      }
    }
    if (stale.length > 0 || dropped) this.#saveSoon();
    const out: AnnotatedArticle[] = [];
    for (const summary of summaries) {
      const entry = entries.get(summary.id);
      if (entry) out.push({ summary, highlights: entry.highlights });
    }
    return out;
  }

  /** Writes the cache now if a save is waiting. A failure only costs rereading articles later. */
  async flush(): Promise<void> {
    if (!this.#entries || !this.#saveSoon.pending) return;
    this.#saveSoon.cancel();
    await this.#write();
  }

  async #write(): Promise<void> {
    const file: CacheFile = { version: CACHE_VERSION, entries: Object.fromEntries(this.#entries ?? []) };
    await writeFileAtomic(this.#path, JSON.stringify(file)).catch((error: unknown) => {
      console.warn('Lectern: could not save the highlight cache:', error);
    });
  }
}
