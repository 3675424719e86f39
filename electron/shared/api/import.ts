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
  | { status: 'imported'; input: string; article: ArticleSummary }
  | { status: 'duplicate'; input: string; article: ArticleSummary }
  /** A link that could not be fetched yet, kept as a pending article to retry. */
  | { status: 'pending'; input: string; article: ArticleSummary }
  | { status: 'failed'; input: string; error: SerializedError };

/** What fetching an article's missing images came to. */
export interface FetchedImagesOutcome {
  /** Images fetched and now stored with the article. */
  fetched: number;
  /** Images with a web address that still could not be fetched. */
  missing: number;
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
}

export const IMPORT_METHODS: Record<keyof ImportApi, true> = {
  importFiles: true,
  importText: true,
  importUrls: true,
  retryArticle: true,
  retryPendingLinks: true,
  fetchMissingImages: true,
  cancelImport: true,
};
