/**
 * Imports from another app as the window sees them: the panel of apps with
 * its file picker, a dropped file told to be an export by the backend (from
 * its first bytes, so a saved page is never mistaken for bookmarks), the
 * report once the items are written, and the queue that then fetches their
 * links, with its progress and a pause. The queue is asked how it stands
 * when the window opens, which is also what starts it again after a quit.
 */
import type { AppExportReport, LecternClient, LinkQueueStatus } from '@shared/api';
import { APP_EXPORT_HEAD_BYTES } from '@shared/api/import';
import { reportLines } from '@shared/app-export-report';
import { LecternError } from '@shared/errors';
import { fileTooLarge, MAX_IMPORT_BYTES } from '@shared/limits';
import { errorNotice, type Notices } from '../ui/notices.svelte';

export class AppImport {
  /** The panel of apps, with where each keeps its export, is open. */
  choosing = $state(false);
  /** The file being read and written, while it is. */
  reading = $state<string | null>(null);
  /** How many of its items are written, once the backend has said. */
  written = $state<{ done: number; total: number } | null>(null);
  report = $state.raw<AppExportReport | null>(null);
  queue = $state.raw<LinkQueueStatus | null>(null);
  readonly #api: LecternClient;
  readonly #notices: Pick<Notices, 'show'>;

  constructor(api: LecternClient, notices: Pick<Notices, 'show'>) {
    this.#api = api;
    this.#notices = notices;
    api.onEvent((event) => {
      if (event.type === 'app-export-progress' && event.file === this.reading)
        this.written = { done: event.done, total: event.total };
      if (event.type !== 'link-queue') return;
      const wasRunning = this.queue?.running ?? false;
      this.queue = event.status;
      if (wasRunning && !event.status.running && !this.report) this.#toldDone(event.status);
    });
    // A window that cannot ask shows no queue; the links stay pending in the library.
    api.linkQueueStatus().then(
      (status) => (this.queue = status),
      () => undefined,
    );
  }

  get busy(): boolean {
    return this.reading !== null;
  }

  /** Whether the queue's progress is worth showing: links are waiting, or the report is open. */
  get showsQueue(): boolean {
    return (this.queue?.total ?? 0) > 0 && (this.queue?.running === true || this.report !== null);
  }

  /** Asks the backend whether a file is another app's export, from its first bytes. */
  async isExport(file: File): Promise<boolean> {
    if (file.size === 0) return false;
    try {
      const head = new Uint8Array(await file.slice(0, APP_EXPORT_HEAD_BYTES).arrayBuffer());
      return (await this.#api.detectAppExport(head)) !== null;
    } catch {
      // Not asked is not an export: the ordinary import then says what the file is.
      return false;
    }
  }

  /**
   * Imports an export. A dropped file whose bytes only looked like one (a zip
   * is judged by its first bytes) answers false with nothing shown, so the
   * drop imports it as usual and says what it is with the other files.
   */
  async importFile(file: File, dropped = false): Promise<boolean> {
    this.choosing = false;
    if (file.size > MAX_IMPORT_BYTES) {
      const error = fileTooLarge(file.name, file.size);
      this.#notices.show({
        tone: 'error',
        title: 'The export could not be imported',
        lines: [error.message],
      });
      return true;
    }
    this.reading = file.name;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      this.report = await this.#api.importAppExport({ file: { name: file.name, type: file.type, bytes } });
      this.queue = await this.#api.linkQueueStatus();
    } catch (error) {
      if (dropped && error instanceof LecternError && error.code === 'invalid-argument') return false;
      this.#notices.show(errorNotice('The export could not be imported', error));
    } finally {
      this.reading = null;
      this.written = null;
    }
    return true;
  }

  async pause(paused: boolean): Promise<void> {
    try {
      this.queue = await this.#api.pauseLinkQueue(paused);
    } catch (error) {
      this.#notices.show(
        errorNotice(paused ? 'Fetching could not be paused' : 'Fetching could not be resumed', error),
      );
    }
  }

  dismissReport(): void {
    this.report = null;
  }

  /** The report as a text file's content: the same lines the command line prints. */
  reportText(): string {
    return this.report ? `${reportLines(this.report, this.queue).join('\n')}\n` : '';
  }

  #toldDone(status: LinkQueueStatus): void {
    this.#notices.show({
      tone: status.failed > 0 ? 'info' : 'success',
      title: 'The imported links are fetched',
      lines: [
        `${status.fetched.toLocaleString()} saved, ${status.failed.toLocaleString()} kept as links.`,
        ...status.failures.slice(0, 5).map((failure) => `${failure.title}: ${failure.reason}`),
      ],
    });
  }
}
