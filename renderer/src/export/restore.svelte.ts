/**
 * Restoring a backup from the window: the person picks a .zip (the desktop
 * app's open dialog gives a path; the browser shell's file input gives
 * bytes, uploaded once to get one), sees what it holds and what a merge
 * would clash on, chooses a new library folder or the open library, and
 * gets a report. Nothing is written until Restore; a backup the backend
 * refuses (damaged, or made by a newer Lectern) stops at the preview with
 * its sentence. A restore into a new folder ends on a report with the way
 * to switch to it, so the person reads what came back before the window
 * reloads on the other library.
 */
import type { LecternClient, RestoreOutcome, RestorePreviewInfo, RestoreRequest } from '@shared/api';
import { errorMessage } from '@shared/errors';
import { JobProgress } from './job-progress.svelte';

export type RestorePhase = 'idle' | 'checking' | 'ready' | 'running' | 'done' | 'failed';

/** The bytes of a picked file, as the browser gives them. */
export interface PickedFile {
  name: string;
  type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export class RestoreState {
  phase = $state<RestorePhase>('idle');
  /** The backup's path on the backend's machine, and the name to show. */
  backup = $state('');
  name = $state('');
  preview = $state<RestorePreviewInfo | null>(null);
  into = $state<'new' | 'merge'>('new');
  /** The new library's folder, suggested beside the open one until the person edits it. */
  dir = $state('');
  outcome = $state<RestoreOutcome | null>(null);
  error = $state('');
  readonly progress: JobProgress;
  readonly #api: LecternClient;
  readonly #reload: () => void;

  constructor(api: LecternClient, reload: () => void) {
    this.#api = api;
    this.#reload = reload;
    this.progress = new JobProgress(api);
  }

  /** A path from the desktop app's open dialog. */
  async choosePath(path: string): Promise<void> {
    await this.#check(path.split(/[\\/]/).pop() ?? path, async () => path);
  }

  /** A file from the browser shell's file input. */
  async chooseFile(file: PickedFile): Promise<void> {
    await this.#check(file.name, async () =>
      this.#api.uploadBackup({
        name: file.name,
        type: file.type,
        bytes: new Uint8Array(await file.arrayBuffer()),
      }),
    );
  }

  async #check(name: string, place: () => Promise<string>): Promise<void> {
    this.name = name;
    this.phase = 'checking';
    this.preview = null;
    this.outcome = null;
    this.error = '';
    try {
      this.backup = await place();
      // Previewed against the open library: the counts, and the clashes a merge would meet.
      this.preview = await this.#api.previewRestore({ backup: this.backup, target: { into: 'merge' } });
      this.dir = this.preview.suggestedDir;
      this.phase = 'ready';
    } catch (error) {
      this.error = errorMessage(error);
      this.phase = 'failed';
    }
  }

  get request(): RestoreRequest {
    return {
      backup: this.backup,
      target: this.into === 'merge' ? { into: 'merge' } : { into: 'new', dir: this.dir.trim() },
    };
  }

  async start(): Promise<void> {
    if (this.phase !== 'ready') return;
    const jobId = `restore-${Date.now()}`;
    this.progress.follow(jobId);
    this.phase = 'running';
    try {
      this.outcome = await this.#api.restoreBackup(this.request, { jobId });
      this.phase = 'done';
    } catch (error) {
      this.error = errorMessage(error);
      this.phase = 'failed';
    } finally {
      this.progress.jobId = null;
    }
  }

  /** After a restore into a new folder: the app opens that library and the window reloads on it. */
  async switchToRestored(): Promise<void> {
    const dir = this.outcome?.dir;
    if (!dir) return;
    try {
      await this.#api.openLibrary(dir);
      this.#reload();
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  /** Back to picking a backup. */
  reset(): void {
    this.phase = 'idle';
    this.backup = '';
    this.name = '';
    this.preview = null;
    this.outcome = null;
    this.error = '';
  }
}
