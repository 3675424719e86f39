/** Bringing new articles into the library. */
import type { ArticleSummary } from '../article';
import type { SerializedError } from '../errors';

/** A file handed to the backend: a dropped or chosen file, read whole. */
export interface FileInput {
  name: string;
  /** MIME type as the platform reported it; may be empty. */
  type: string;
  bytes: Uint8Array;
  /**
   * Where the file sat in a dropped folder, "/"-separated, ending in its name
   * ("Trip/Page_files/a.png"). A page and its `<page>_files/` folder dropped
   * together are imported as one article from their paths.
   */
  path?: string;
}

/** Groups a batch's files into one import job, for progress events and cancelling. */
export interface ImportJob {
  jobId: string;
  /** How many items the whole job holds, across calls: lets the desktop app show taskbar progress. */
  total?: number;
}

/** Text pasted or dropped as a clip. */
export interface TextInput {
  text: string;
  /** The selection's HTML, when the drag or paste carried text/html. */
  html?: string;
  title?: string;
  url?: string;
}

export type ImportOutcome =
  | {
      status: 'imported';
      input: string;
      article: ArticleSummary;
      /** Sentences on how it was read that the person should see ("… is not valid gb2312 text …"). */
      notices?: string[];
    }
  | { status: 'duplicate'; input: string; article: ArticleSummary }
  /** A link that could not be fetched yet, kept as a pending article to retry. */
  | { status: 'pending'; input: string; article: ArticleSummary }
  | { status: 'failed'; input: string; error: SerializedError };

/** An item or line of another app's export that did not come in, and why. */
export interface AppExportProblem {
  file: string;
  /** "line 12", "item 3"; absent when the whole file is at fault. */
  at?: string;
  reason: string;
}

/** What importing another app's export came to, written at once (links are fetched after, by the link queue). */
export interface AppExportReport {
  /** The app that wrote it: "pocket", "instapaper", "omnivore", "wallabag", "readwise", "raindrop", … */
  service: string;
  file: string;
  added: number;
  /** Already in the library (matched by address): tags, highlights and state merged in. */
  merged: number;
  /** Added as links, waiting in the link queue for their pages. */
  pending: number;
  failed: number;
  highlightsPlaced: number;
  /** Kept with their quote, not yet placed in any text (shown in the notebook). */
  highlightsOrphaned: number;
  /** Every item or line that did not come in, and why. */
  failures: AppExportProblem[];
  /** Every item that came in, in the export's order: only when the source asked (`listItems`). */
  items?: AppExportItem[];
}

/** One item of an export that came in: a new article (a link to fetch when `pending`) or merged into one. */
export interface AppExportItem {
  /** "line 12", "item 3". */
  at: string;
  status: 'added' | 'merged';
  pending: boolean;
  id: string;
  title: string;
  url: string | null;
}

/**
 * What to import as another app's export: a file the window read, or a path
 * the desktop app or command line names; `listItems` asks for a line per
 * item in the report (the command line's --json), which a window showing
 * counts does not need for 20,000 items.
 */
export type AppExportSource = ({ file: FileInput } | { path: string }) & { listItems?: boolean };

/** A link the queue could not fetch; its article stays, as a link with its tags, state and dates. */
export interface LinkQueueFailure {
  id: string;
  title: string;
  url: string;
  reason: string;
}

/**
 * Where the queue of links from other apps' exports stands. It lives in the
 * library (every pending imported link is in it), so a quit or a crash only
 * pauses it; the counts are of this run.
 */
export interface LinkQueueStatus {
  /** Links fetched, given up or waiting in this run: "Fetching `done` of `total`". */
  total: number;
  done: number;
  fetched: number;
  /** Links given up on this run (kept as link-only articles); their reasons are in `failures`. */
  failed: number;
  paused: boolean;
  /** Whether links are still waiting (false once the queue has emptied). */
  running: boolean;
  failures: LinkQueueFailure[];
}

/** Sent as an export's items are written, a chunk at a time. */
export interface AppExportProgressEvent {
  type: 'app-export-progress';
  file: string;
  done: number;
  total: number;
}

/** Sent as the link queue moves on, pauses or empties. */
export interface LinkQueueEvent {
  type: 'link-queue';
  status: LinkQueueStatus;
}

/** What fetching an article's missing images came to. */
export interface FetchedImagesOutcome {
  /** Images fetched and now stored with the article. */
  fetched: number;
  /** Images with a web address that still could not be fetched. */
  missing: number;
}

/**
 * Sent when a job starts on an input, so a window shows which file it is
 * reading before the first is done: a cold start can take seconds over it.
 */
export interface ImportReadingEvent {
  type: 'import-reading';
  jobId: string;
  /** The input as its outcome will name it: a file's path (or name), or a web address. */
  input: string;
}

/** Sent for each input a job finishes, so a window can show progress. */
export interface ImportProgressEvent {
  type: 'import-progress';
  jobId: string;
  /** The job's size, when its caller said (ImportJob.total). */
  total: number | null;
  outcome: ImportOutcome;
}

export interface ImportApi {
  /**
   * Imports files, a few at a time; a bad file fails alone, in its outcome.
   * With a job, each outcome is also sent as an import-progress event and the
   * job can be cancelled. Errors: invalid-argument.
   */
  importFiles(files: FileInput[], job?: ImportJob): Promise<ImportOutcome[]>;
  /** Saves a text clip as an article; failures come back in the outcome. Errors: invalid-argument. */
  importText(input: TextInput): Promise<ImportOutcome>;
  /** Fetches and imports web addresses; unreachable ones are kept as pending articles. Errors: invalid-argument. */
  importUrls(urls: string[], job?: ImportJob): Promise<ImportOutcome[]>;
  /** Fetches a pending article's link again and fills it in. Errors: not-found, invalid-argument. */
  retryArticle(id: string): Promise<ImportOutcome>;
  /**
   * Retries every pending link in the library (not those in the trash), a few
   * at a time; a window calls it when it opens and when the network comes
   * back. Concurrent calls share one run. Errors: none.
   */
  retryPendingLinks(): Promise<ImportOutcome[]>;
  /**
   * Fetches the web images an article could not keep when it was imported
   * (offline, or a host that did not answer) and stores them with it. The
   * text stays as it was, and so does every highlight. Errors: not-found.
   */
  fetchMissingImages(id: string): Promise<FetchedImagesOutcome>;
  /** Stops a job: inputs not yet started fail as cancelled. Errors: none. */
  cancelImport(jobId: string): Promise<void>;
  /**
   * Imports another app's export (Pocket, Instapaper, Omnivore, wallabag,
   * Readwise, Raindrop, browser bookmarks; told by content). Every item is
   * written at once, with its tags, state, dates and highlights; items that
   * come as links are then fetched by the link queue. Errors:
   * invalid-argument (not an export, or a file that cannot be read), too-large.
   */
  importAppExport(source: AppExportSource): Promise<AppExportReport>;
  /**
   * Which app's export a file is, told from its first bytes (up to
   * APP_EXPORT_HEAD_BYTES), or null when it is none; a zip that is not an
   * EPUB is "zip", whose entries only importAppExport reads. A window asks
   * before importing a dropped file as a page. Errors: none.
   */
  detectAppExport(head: Uint8Array): Promise<string | null>;
  /** Where the link queue stands. Errors: none. */
  linkQueueStatus(): Promise<LinkQueueStatus>;
  /** Pauses (true) or resumes (false) the link queue; fetches under way finish. Errors: none. */
  pauseLinkQueue(paused: boolean): Promise<LinkQueueStatus>;
}

export const IMPORT_METHODS: Record<keyof ImportApi, true> = {
  importFiles: true,
  importText: true,
  importUrls: true,
  retryArticle: true,
  retryPendingLinks: true,
  fetchMissingImages: true,
  cancelImport: true,
  importAppExport: true,
  linkQueueStatus: true,
  pauseLinkQueue: true,
  detectAppExport: true,
};

/** How much of a file detectAppExport looks at. */
export const APP_EXPORT_HEAD_BYTES = 64 * 1024;
