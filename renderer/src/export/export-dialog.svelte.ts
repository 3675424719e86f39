/**
 * The Export dialog's state: what is being exported (the scope, fixed when
 * the dialog opens), in which format, to which path, and the job once it
 * runs: its progress from export-progress events, Cancel, and the outcome.
 * The path is a plain field, filled with a name in the default export
 * folder that follows the format until the person edits it; the desktop
 * app's native dialog only fills the same field, so both shells export
 * through one path.
 */
import type { ExportFormat, ExportOutcome, ExportRequest, LecternClient } from '@shared/api';
import { errorMessage } from '@shared/errors';
import { exportFileName } from './export-formats';
import { JobProgress } from './job-progress.svelte';

/** What an export covers: articles by id, a query's results, or (neither) the whole library. */
export interface ExportScope {
  /** "3 selected articles", "Inbox: 120 articles", "The whole library". */
  label: string;
  ids?: string[];
  query?: string;
}

export type ExportPhase = 'choosing' | 'running' | 'done' | 'failed';

/** The separator a path already uses, so a name joins a Windows folder with "\". */
function joinPath(folder: string, name: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

export class ExportDialogState {
  scope = $state<ExportScope | null>(null);
  format = $state<ExportFormat>('markdown');
  path = $state('');
  phase = $state<ExportPhase>('choosing');
  outcome = $state<ExportOutcome | null>(null);
  error = $state('');
  /** Where exports go unless the person types another place (AppInfo.exportFolder). */
  folder = $state('');
  #pathEdited = false;
  #jobs = 0;
  readonly progress: JobProgress;
  readonly #api: LecternClient;
  readonly #now: () => number;

  constructor(api: LecternClient, now: () => number = Date.now) {
    this.#api = api;
    this.#now = now;
    this.progress = new JobProgress(api);
  }

  get open(): boolean {
    return this.scope !== null;
  }

  /** Opens the dialog for `scope`, with the format last used. */
  async show(scope: ExportScope): Promise<void> {
    this.scope = scope;
    this.phase = 'choosing';
    this.outcome = null;
    this.error = '';
    this.#pathEdited = false;
    if (!this.folder) {
      try {
        this.folder = (await this.#api.getAppInfo()).exportFolder;
      } catch (error) {
        this.error = errorMessage(error);
      }
    }
    this.#suggestPath();
  }

  chooseFormat(format: ExportFormat): void {
    this.format = format;
    this.#suggestPath();
  }

  /** The person typed or picked a path: it stays when the format changes. */
  setPath(path: string): void {
    this.path = path;
    this.#pathEdited = true;
  }

  #suggestPath(): void {
    if (this.#pathEdited || !this.folder) return;
    this.path = joinPath(this.folder, exportFileName(this.format, this.#now()));
  }

  async start(): Promise<void> {
    const scope = this.scope;
    if (!scope || this.phase === 'running') return;
    const request: ExportRequest = { format: this.format, out: this.path.trim() };
    if (scope.ids) request.ids = [...scope.ids];
    else if (scope.query) request.query = scope.query;
    const jobId = `export-${Date.now()}-${++this.#jobs}`;
    this.progress.follow(jobId);
    this.phase = 'running';
    this.error = '';
    try {
      const outcome = await this.#api.exportArticles(request, { jobId });
      if (this.progress.jobId !== jobId) return;
      this.outcome = outcome;
      this.phase = 'done';
    } catch (error) {
      if (this.progress.jobId !== jobId) return;
      this.error = errorMessage(error);
      this.phase = 'failed';
    } finally {
      if (this.progress.jobId === jobId) this.progress.jobId = null;
    }
  }

  /** Cancels a running export (nothing is left behind) and returns to choosing. */
  async cancel(): Promise<void> {
    const jobId = this.progress.jobId;
    if (!jobId) return;
    this.progress.jobId = null;
    this.phase = 'choosing';
    await this.#api.cancelExport(jobId);
  }

  /** Closes the dialog; a running export is cancelled first. */
  async close(): Promise<void> {
    if (this.phase === 'running') await this.cancel();
    this.scope = null;
  }
}
