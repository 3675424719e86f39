/**
 * Imports as the window sees them: one job at a time, sent to the backend in
 * batches (a saved page always with its `_files/` folder), with a progress
 * count fed by the backend's import-progress events, a cancel, and at the end
 * a notice (one item) or a summary (several). Files are read into memory one
 * batch at a time, so a 500-file drop never holds 500 files at once, and
 * files over the size limit are refused here before they are read.
 */
import type { FetchedImagesOutcome, FileInput, ImportOutcome, LecternClient, TextInput } from '@shared/api';
import { errorMessage } from '@shared/errors';
import { groupSavedPages, type ImportUnit } from '@shared/import-units';
import { isImportableName } from '@shared/importable-files';
import { fileTooLarge, MAX_IMPORT_BYTES } from '@shared/limits';
import { imageCount } from '../format/article-meta';
import { AppImport } from './app-import.svelte';
import type { Dropped, PathedFile } from './dropped';
import type { Router } from '../app/router.svelte';
import { errorNotice, type Notices } from '../ui/notices.svelte';

const BATCH_BYTES = 16 * 1024 * 1024;
const SUPPORTED =
  'Drop web pages (.html, .mhtml), text (.txt, .md), PDFs, EPUBs, links or folders of them to add them to your library.';
const BATCH_UNITS = 8;

interface PathItem {
  name: string;
  path: string;
  item: PathedFile;
}

export interface Progress {
  total: number;
  done: number;
  cancelling: boolean;
  /** The file (or address) last started, so the panel shows the import moving before the first is done. */
  reading: string | null;
}

export interface Summary {
  cancelled: boolean;
  outcomes: ImportOutcome[];
}

function unitSize(unit: ImportUnit<PathItem>): number {
  return [unit.main, ...unit.related.values()].reduce((sum, item) => sum + item.item.file.size, 0);
}

function batches(units: ImportUnit<PathItem>[]): ImportUnit<PathItem>[][] {
  const result: ImportUnit<PathItem>[][] = [];
  let current: ImportUnit<PathItem>[] = [];
  let size = 0;
  for (const unit of units) {
    const bytes = unitSize(unit);
    if (current.length > 0 && (size + bytes > BATCH_BYTES || current.length >= BATCH_UNITS)) {
      result.push(current);
      current = [];
      size = 0;
    }
    current.push(unit);
    size += bytes;
  }
  if (current.length > 0) result.push(current);
  return result;
}

async function read({ item }: PathItem): Promise<FileInput> {
  return {
    name: item.file.name,
    type: item.file.type,
    bytes: new Uint8Array(await item.file.arrayBuffer()),
    path: item.path,
  };
}

function failed(input: string, message: string, code: 'transport-failed' | 'cancelled'): ImportOutcome {
  return { status: 'failed', input, error: { code, message } };
}

export class Importer {
  progress = $state<Progress | null>(null);
  summary = $state.raw<Summary | null>(null);
  #jobId: string | null = null;
  #cancelled = false;
  readonly #api: LecternClient;
  readonly #notices: Pick<Notices, 'show'>;
  readonly #router: Pick<Router, 'openArticle'>;
  /** Imports from another app (Pocket, Instapaper, …) and the queue fetching their links. */
  readonly apps: AppImport;

  constructor(api: LecternClient, notices: Pick<Notices, 'show'>, router: Pick<Router, 'openArticle'>) {
    this.apps = new AppImport(api, notices);
    this.#api = api;
    this.#notices = notices;
    this.#router = router;
    api.onEvent((event) => {
      if (event.type === 'import-progress' && event.jobId === this.#jobId && this.progress) {
        this.progress.done = Math.min(this.progress.total, this.progress.done + 1);
      }
      if (event.type === 'import-reading' && event.jobId === this.#jobId && this.progress) {
        this.progress.reading = event.input;
      }
    });
  }

  get busy(): boolean {
    return this.progress !== null || this.apps.busy;
  }

  /**
   * Adds what was dropped or pasted. A drop that carried nothing Lectern
   * reads says so (`whenEmpty: 'tell'`); a paste of something else is
   * left alone, as it may have been meant for the page.
   */
  async add(dropped: Dropped, whenEmpty: 'tell' | 'ignore'): Promise<void> {
    const nothing = () => {
      if (whenEmpty === 'tell')
        this.#notices.show({ tone: 'error', title: 'Nothing to add', lines: [SUPPORTED] });
    };
    if (dropped.kind === 'nothing') return nothing();
    if (this.busy) {
      this.#notices.show({
        tone: 'info',
        title: 'Still importing',
        lines: ['Wait for the current import to finish (or cancel it), then add more.'],
      });
      return;
    }
    if (dropped.kind === 'urls') return this.importUrls(dropped.urls);
    if (dropped.kind === 'clip') return this.importClip(dropped.clip);
    let files: PathedFile[];
    try {
      files = await dropped.files;
    } catch (error) {
      this.#notices.show(errorNotice('The dropped folder could not be read', error));
      return;
    }
    if (files.length === 0) return nothing();
    return this.importFiles(await this.#takeExports(files));
  }

  /**
   * Imports the files that are another app's export as such, and returns the
   * others. The backend judges by content; only a file dropped alone, or one
   * whose name is not of a page, text or book, is asked about, so a drop of
   * 500 pages costs no extra call.
   */
  async #takeExports(files: PathedFile[]): Promise<PathedFile[]> {
    const others: PathedFile[] = [];
    for (const item of files) {
      const candidate = files.length === 1 || !isImportableName(item.file.name);
      const taken =
        candidate && (await this.apps.isExport(item.file)) && (await this.apps.importFile(item.file, true));
      if (!taken) others.push(item);
    }
    return others;
  }

  async importFiles(items: PathedFile[]): Promise<void> {
    if (items.length === 0) return;
    const outcomes: ImportOutcome[] = [];
    const readable: PathItem[] = [];
    for (const item of items) {
      if (item.file.size > MAX_IMPORT_BYTES) {
        outcomes.push({
          status: 'failed',
          input: item.path,
          error: fileTooLarge(item.file.name, item.file.size).toJSON(),
        });
      } else {
        readable.push({ name: item.file.name, path: item.path, item });
      }
    }
    const units = groupSavedPages(readable);
    await this.#run(units.length + outcomes.length, outcomes, async (jobId) => {
      for (const batch of batches(units)) {
        if (this.#cancelled) {
          for (const unit of batch)
            outcomes.push(
              failed(
                unit.main.path,
                `${unit.main.path} was not imported: the import was cancelled.`,
                'cancelled',
              ),
            );
          continue;
        }
        try {
          const files = await Promise.all(
            batch.flatMap((unit) => [unit.main, ...unit.related.values()]).map(read),
          );
          outcomes.push(...(await this.#api.importFiles(files, { jobId, total: this.progress?.total })));
        } catch (error) {
          const message = errorMessage(error);
          for (const unit of batch)
            outcomes.push(failed(unit.main.path, `${unit.main.path}: ${message}`, 'transport-failed'));
        }
        this.#settle(outcomes.length);
      }
    });
  }

  async importUrls(urls: string[]): Promise<void> {
    const outcomes: ImportOutcome[] = [];
    await this.#run(urls.length, outcomes, async (jobId) => {
      try {
        outcomes.push(...(await this.#api.importUrls(urls, { jobId, total: this.progress?.total })));
      } catch (error) {
        const message = errorMessage(error);
        for (const url of urls) outcomes.push(failed(url, `${url}: ${message}`, 'transport-failed'));
      }
    });
  }

  async importClip(clip: TextInput): Promise<void> {
    try {
      this.report([await this.#api.importText(clip)], false);
    } catch (error) {
      const message = errorMessage(error);
      this.report([failed('The clip', message, 'transport-failed')], false);
    }
  }

  async retry(id: string): Promise<ImportOutcome> {
    const outcome = await this.#api.retryArticle(id);
    if (outcome.status === 'imported') {
      this.#notices.show({ tone: 'success', title: 'Saved from the web', lines: [outcome.article.title] });
    }
    return outcome;
  }

  /**
   * Fetches an article's web images that the import could not keep, and
   * tells what was saved; null when the backend could not be asked.
   */
  async fetchMissingImages(id: string): Promise<FetchedImagesOutcome | null> {
    try {
      const outcome = await this.#api.fetchMissingImages(id);
      if (outcome.fetched > 0) {
        this.#notices.show({
          tone: 'success',
          title: `${imageCount(outcome.fetched)} saved with the article`,
          lines: outcome.missing > 0 ? [`${imageCount(outcome.missing)} could not be fetched.`] : [],
        });
      }
      // None fetched: the reader's line says so, with the time it was tried.
      return outcome;
    } catch (error) {
      this.#notices.show(errorNotice('The images could not be fetched', error));
      return null;
    }
  }

  /**
   * Fetches the links saved while offline, quietly: only what got filled in
   * is told, and a backend that could not be asked. Called when the window opens and when the network comes back.
   */
  async retryPendingLinks(): Promise<void> {
    let outcomes: ImportOutcome[];
    try {
      outcomes = await this.#api.retryPendingLinks();
    } catch (error) {
      this.#notices.show(errorNotice('The links saved offline could not be fetched', error));
      return;
    }
    const titles = outcomes.flatMap((outcome) =>
      outcome.status === 'imported' ? [outcome.article.title] : [],
    );
    if (titles.length === 0) return;
    this.#notices.show({
      tone: 'success',
      title: titles.length === 1 ? 'A saved link was fetched' : `${titles.length} saved links were fetched`,
      lines: titles,
    });
  }

  cancel(): void {
    if (!this.progress || !this.#jobId) return;
    this.#cancelled = true;
    this.progress.cancelling = true;
    this.#api.cancelImport(this.#jobId).catch((error: unknown) => {
      this.#notices.show(errorNotice('The import could not be cancelled', error));
    });
  }

  dismissSummary(): void {
    this.summary = null;
  }

  async #run(
    total: number,
    outcomes: ImportOutcome[],
    work: (jobId: string) => Promise<void>,
  ): Promise<void> {
    const jobId = `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.#jobId = jobId;
    this.#cancelled = false;
    this.summary = null;
    this.progress = { total, done: outcomes.length, cancelling: false, reading: null };
    try {
      await work(jobId);
    } finally {
      const cancelled = this.#cancelled;
      this.progress = null;
      this.#jobId = null;
      this.report(outcomes, cancelled);
    }
  }

  #settle(done: number): void {
    if (this.progress) this.progress.done = Math.max(this.progress.done, done);
  }

  /** Tells the person how an import went: a notice for one item, a summary for several. */
  report(outcomes: ImportOutcome[], cancelled = false): void {
    if (outcomes.length > 1 || cancelled) {
      this.summary = { cancelled, outcomes };
      return;
    }
    const [outcome] = outcomes;
    if (!outcome) return;
    switch (outcome.status) {
      case 'imported':
        // A warning on how it was read stays until the person has seen it.
        this.#notices.show({
          tone: outcome.notices ? 'info' : 'success',
          title: 'Added to your library',
          lines: [outcome.article.title, ...(outcome.notices ?? [])],
          action: { label: 'Read now', run: () => this.#router.openArticle(outcome.article.id) },
        });
        break;
      case 'duplicate':
        this.#notices.show({
          tone: 'info',
          title: 'Already in your library',
          lines: [`${outcome.input} is already saved as “${outcome.article.title}”.`],
          action: { label: 'Open it', run: () => this.#router.openArticle(outcome.article.id) },
        });
        break;
      case 'pending':
        this.#notices.show({
          tone: 'info',
          title: 'Link kept to fetch later',
          lines: [outcome.article.excerpt],
          action: { label: 'Show it', run: () => this.#router.openArticle(outcome.article.id) },
        });
        break;
      case 'failed':
        this.#notices.show({ tone: 'error', title: 'Could not be added', lines: [outcome.error.message] });
        break;
    }
  }
}
