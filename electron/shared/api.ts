/**
 * The one API contract between the renderer and Lectern's backend. The
 * Electron IPC transport and the browser shell's HTTP transport both carry
 * exactly these calls; schemas.ts validates their arguments at the edge.
 */
import type { ArticleStatus, ArticleSummary, ArticleWithContent } from './article';
import type { SerializedError } from './errors';

/** A file handed to the backend: a dropped or chosen file, read whole. */
export interface FileInput {
  name: string;
  /** MIME type as the platform reported it; may be empty. */
  type: string;
  bytes: Uint8Array;
}

/** Text pasted or dropped as a clip. */
export interface TextInput {
  text: string;
  title?: string;
  url?: string;
}

export type ImportOutcome =
  | { status: 'imported'; input: string; article: ArticleSummary }
  | { status: 'failed'; input: string; error: SerializedError };

export interface ArticlePatch {
  status?: ArticleStatus;
  favorite?: boolean;
  progress?: number;
  title?: string;
}

export interface LecternApi {
  /** Every article in the library, newest first. Errors: library-unavailable. */
  listArticles(): Promise<ArticleSummary[]>;
  /** One article's metadata and reader HTML. Errors: not-found. */
  getArticle(id: string): Promise<ArticleWithContent>;
  /** Imports files one by one; a bad file fails alone, in its outcome. Errors: invalid-argument. */
  importFiles(files: FileInput[]): Promise<ImportOutcome[]>;
  /** Saves a text clip as an article; failures come back in the outcome. Errors: invalid-argument. */
  importText(input: TextInput): Promise<ImportOutcome>;
  /** Changes an article's status, favorite flag, progress or title. Errors: not-found, invalid-argument. */
  updateArticle(id: string, patch: ArticlePatch): Promise<ArticleSummary>;
  /** Moves an article to the library's trash folder. Errors: not-found. */
  deleteArticle(id: string): Promise<void>;
}

export type ApiMethod = keyof LecternApi;

// A Record over ApiMethod fails to compile when a method is added to the
// contract and not here, so the list transports derive from stays whole.
const METHODS: Record<ApiMethod, true> = {
  listArticles: true,
  getArticle: true,
  importFiles: true,
  importText: true,
  updateArticle: true,
  deleteArticle: true,
};

export const API_METHODS = Object.keys(METHODS) as ApiMethod[];

/** Pushed from the backend to every open window. */
export type LecternEvent = {
  type: 'library-changed';
  /** Articles added or changed, in their new state. */
  changed: ArticleSummary[];
  /** Ids of articles that left the library. */
  removed: string[];
};

/** How every transport returns a call: the value, or the error in words. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: SerializedError };

/** What a window holds: the API plus a way to hear about changes. */
export interface LecternClient extends LecternApi {
  /** Calls `listener` for each backend event; returns the unsubscribe function. */
  onEvent(listener: (event: LecternEvent) => void): () => void;
}
