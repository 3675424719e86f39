/** Writing the library out: notes-app Markdown, Readwise CSV, Web Annotations, bookmarks, EPUB and full backups. */

export const EXPORT_FORMATS = ['markdown', 'readwise', 'annotations', 'bookmarks', 'epub', 'backup'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  format: ExportFormat;
  /**
   * Absolute path to write: a folder for markdown (one file per article), a
   * file for the others (.csv, .jsonld, .html, .epub, .zip).
   */
  out: string;
  /** Articles chosen by hand; when absent, `query` chooses. A backup always takes the whole library. */
  ids?: string[];
  /** A query in the search box's language ("tag:work is:archived"); absent or empty: every article in the library. */
  query?: string;
  /** Markdown: add each article's text (and copy its images beside the files). */
  includeText?: boolean;
  /** Markdown: the template for each file's shape; the default when absent. */
  template?: string;
  /** Backup: include the trash (the default) or leave it out. */
  includeTrash?: boolean;
  /** EPUB: the book's title. */
  title?: string;
}

/** Groups an export's progress events, and lets it be cancelled. */
export interface ExportJob {
  jobId: string;
}

export interface ExportOutcome {
  format: ExportFormat;
  out: string;
  /** Articles the export covered. */
  articles: number;
  /** Items written: files for markdown, rows or annotations or bookmarks or chapters, files in a backup. */
  written: number;
  /** Things left alone, in words (a Markdown file whose marker line was removed, say). */
  skipped: string[];
}

/** Sent as an export with a job moves on. */
export interface ExportProgressEvent {
  type: 'export-progress';
  jobId: string;
  done: number;
  total: number;
}

export interface ExportApi {
  /**
   * Writes the chosen articles in a format; the output appears whole or not
   * at all. With a job, progress is sent as export-progress events and the
   * export can be cancelled. Errors: invalid-argument (including an output
   * folder that cannot be written), not-found, cancelled, library-corrupt.
   */
  exportArticles(request: ExportRequest, job?: ExportJob): Promise<ExportOutcome>;
  /** Stops an export job; what it was writing is not left behind. Errors: none. */
  cancelExport(jobId: string): Promise<void>;
}

export const EXPORT_METHODS: Record<keyof ExportApi, true> = {
  exportArticles: true,
  cancelExport: true,
};
