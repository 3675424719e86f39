/**
 * The article record as stored in `articles/<id>/article.json` and as the
 * renderer sees it. The on-disk format is documented in docs/data-format.md; change the
 * two together, and bump LIBRARY_FORMAT_VERSION with a migration.
 */
import type { Highlight } from './annotation';

export type ArticleStatus = 'inbox' | 'archived';

/** How the article came in, which decides how it can be re-extracted. */
export const SOURCE_KINDS = ['html', 'mhtml', 'text', 'markdown', 'pdf', 'epub', 'clip', 'link'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * Where a damaged article's fields were found again: its last good copy
 * (article.json.bak), the catalog's summary, its content alone, or the
 * record itself (only some fields or highlights were bad).
 */
export const RECOVERED_FROM = ['backup', 'catalog', 'content', 'record'] as const;

/** What Lectern found wrong with an article's files, and what it did about it. */
export interface ArticleDamage {
  /** ISO 8601 time it was found. */
  at: string;
  recoveredFrom: (typeof RECOVERED_FROM)[number];
  /** The files kept aside, relative to the article folder (the damaged record, bad highlights). */
  setAside: string[];
  /** Fields that could not be recovered and were given defaults. */
  lost: string[];
}

/**
 * Where an article brought in from another app's export came from, so such
 * an import can be told apart (and found) later.
 */
export interface ImportedFrom {
  /** The app whose export it was: "pocket", "instapaper", "omnivore", … */
  service: string;
  /** The export's file name. */
  file: string;
  /** ISO 8601 time of the import (the article's addedAt keeps the app's own saved date). */
  importedAt: string;
  /**
   * ISO 8601 time the queue of links gave up fetching the page (gone, refused,
   * or still failing after its retries): the article stays a link with its
   * tags, state and dates, and a Retry in the reader can still fetch it.
   */
  gaveUpAt?: string;
  /** Failed fetches of the page that are worth another try (a busy or unreachable host), kept across restarts. */
  tries?: number;
  /** ISO 8601 time before which the page is not asked for again (the retry's backoff). */
  retryAt?: string;
}

/**
 * The details a person can edit. Their edits win over what extraction finds,
 * now and on every later re-extraction, until they reset them.
 */
export const EDITABLE_DETAILS = ['title', 'byline', 'siteName', 'published'] as const;
export type EditableDetail = (typeof EDITABLE_DETAILS)[number];

export interface ArticleDetails {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 date or null. */
  published: string | null;
}

export interface ArticleSource {
  kind: SourceKind;
  /** The imported file's name, or null for pasted text. */
  name: string | null;
  /** SHA-256 of the imported bytes, hex. */
  sha256: string;
  /** File name of the kept original inside the article folder. */
  original: string;
  /** Set on articles imported from another app's export. */
  importedFrom?: ImportedFrom;
}

export interface ArticleMeta {
  id: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  url: string | null;
  /** ISO 8601 date or null when the page does not say. */
  published: string | null;
  lang: string | null;
  excerpt: string;
  wordCount: number;
  /**
   * "assets/<name>": the stored picture that stands for the article (the
   * page's own lead image when its bytes came with the page, else the first
   * picture kept in the content). Absent when the article keeps none.
   */
  leadImage?: string;
  /** ISO 8601 timestamps. */
  addedAt: string;
  updatedAt: string;
  status: ArticleStatus;
  favorite: boolean;
  tags: string[];
  /** How far the person has read, 0..1. */
  progress: number;
  /**
   * Where the person was (a progress below "read") when they marked the
   * article read by hand; marking it unread goes back there. Absent otherwise.
   */
  readPlace?: number;
  /** The article's own note, Markdown. */
  note: string;
  source: ArticleSource;
  highlights: Highlight[];
  /**
   * Set while a link could not be fetched (offline, unreachable): the article
   * holds only its URL until a retry succeeds. Absent on fetched articles.
   */
  pending?: { reason: string };
  /** ISO 8601 time the article was moved to trash/; absent while it is in the library. */
  trashedAt?: string;
  /** Set when the article's record was found damaged and recovered; cleared once the person accepts it. */
  damage?: ArticleDamage;
  /**
   * The details the person changed, with the values they gave. The record's
   * own title, byline, siteName and published are what is shown (and
   * searched and exported): these edits laid over `extracted`.
   */
  edited?: Partial<ArticleDetails>;
  /** What extraction found for the details, kept while any is edited, for "Reset to extracted". */
  extracted?: ArticleDetails;
  /**
   * ISO 8601 time content.html was last replaced by a re-extraction or a
   * restored version (absent: as imported). Windows showing the article
   * reload its text when it changes.
   */
  contentUpdatedAt?: string;
}

/**
 * What the list shows: everything but the parts that only the reader needs,
 * with the counts the list and the search filters use in their place.
 */
export type ArticleSummary = Omit<ArticleMeta, 'highlights' | 'note' | 'trashedAt'> & {
  highlightCount: number;
  hasNote: boolean;
  trashedAt: string | null;
};

/** An article counts as read once its progress reaches this, or when marked read (progress 1). */
export const READ_PROGRESS = 0.95;

export function isRead(article: Pick<ArticleSummary, 'progress'>): boolean {
  return article.progress >= READ_PROGRESS;
}

export interface ArticleWithContent {
  meta: ArticleMeta;
  /** Sanitized reader HTML (content.html). */
  html: string;
}

export function summarize(meta: ArticleMeta): ArticleSummary {
  const { highlights, note, trashedAt, ...summary } = meta;
  return {
    ...summary,
    highlightCount: highlights.length,
    hasNote: note.trim().length > 0,
    trashedAt: trashedAt ?? null,
  };
}

/**
 * Why an article cannot be extracted again from what it keeps, in words, or
 * null when it can. Every kind keeps its original bytes; a link that was
 * never fetched keeps only its address, and the trash is left as it is.
 */
export function whyNotReextractable(
  article: Pick<ArticleSummary, 'pending' | 'trashedAt' | 'source'>,
): string | null {
  if (article.trashedAt) return 'It is in the trash; restore it first.';
  if (article.pending || article.source.kind === 'link') {
    return 'Its page was never fetched, so there is nothing to extract yet; use Retry to fetch it.';
  }
  return null;
}
