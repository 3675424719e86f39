import type { BackupResult } from '../settings';
import type { FileInput } from './import';

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

/** Sent as an export or a restore with a job moves on. */
export interface ExportProgressEvent {
  type: 'export-progress';
  jobId: string;
  done: number;
  total: number;
}

/**
 * Where a restore goes: into a new library folder (empty or missing), which
 * the app then switches to, or merged into the library open now.
 */
export type RestoreTarget = { into: 'new'; dir: string } | { into: 'merge' };

export interface RestoreRequest {
  /** Absolute path of the backup .zip on this machine (uploadBackup gives one for a file the window read). */
  backup: string;
  target: RestoreTarget;
}

/** What a backup holds and what restoring it into the chosen place would do; nothing is written to read it. */
export interface RestorePreviewInfo {
  /** When the backup was made (ISO). */
  created: string;
  /** The Lectern that made it. */
  appVersion: string;
  articles: number;
  trashed: number;
  /** Articles the open library already holds: a merge joins their highlights, tags and notes. */
  alreadyPresent: number;
  /** The clashes a merge would resolve, in words (empty for a new library). */
  conflicts: string[];
  /** A new, empty folder beside the open library to restore into. */
  suggestedDir: string;
}

export interface RestoreOutcome {
  /** The library folder restored into. */
  dir: string;
  /** Articles (library and trash) added whole. */
  added: number;
  /** Articles already present, joined. */
  merged: number;
  /** Each clash the merge resolved, in words. */
  conflicts: string[];
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
  /**
   * Keeps a backup the window read from a file input (the browser shell) in a
   * temporary file and returns its path, for previewRestore and restoreBackup.
   * Errors: invalid-argument.
   */
  uploadBackup(file: FileInput): Promise<string>;
  /**
   * Opens and checks a backup and says what restoring it would do. Errors:
   * invalid-argument (damaged, not a backup, or a target folder that is not
   * empty), unsupported-type (made by a newer Lectern).
   */
  previewRestore(request: RestoreRequest): Promise<RestorePreviewInfo>;
  /**
   * Restores a backup into a new library folder or merges it into the open
   * library; every file is checked first, and a failure leaves the library as
   * it was. With a job, progress (files checked) is sent as export-progress events. Errors:
   * invalid-argument, unsupported-type, library-unavailable.
   */
  restoreBackup(request: RestoreRequest, job?: ExportJob): Promise<RestoreOutcome>;
  /**
   * Switches the app to the library in `dir` (one a restore just made); the
   * window reloads on it. Errors: invalid-argument (not a library folder),
   * library-unavailable (this app cannot switch), library-in-use.
   */
  openLibrary(dir: string): Promise<void>;
  /**
   * Makes the scheduled backup now, into its folder, keeping the newest as
   * set; the result is also recorded as the settings' lastBackup. Errors:
   * library-unavailable (nothing schedules backups here).
   */
  backUpNow(): Promise<BackupResult>;
}

export const EXPORT_METHODS: Record<keyof ExportApi, true> = {
  exportArticles: true,
  cancelExport: true,
  uploadBackup: true,
  previewRestore: true,
  restoreBackup: true,
  openLibrary: true,
  backUpNow: true,
};
