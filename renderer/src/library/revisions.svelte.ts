/**
 * Changing what an article says about itself: the person's edits to its
 * details, re-extraction (one article, a selection, the whole library) as a
 * background job with progress and cancel, and restoring an earlier version.
 * One job runs at a time per window; its progress is shown by
 * ReextractProgress.svelte and its end by a notice saying what happened,
 * highlights that could not be placed included. The library announces every
 * change itself, so the list, the reader and other windows follow.
 */
import type { ArticleVersion, LecternClient, ReextractOutcome } from '@shared/api';
import type { ArticleDetails, ArticleSummary, EditableDetail } from '@shared/article';
import { errorNotice, type Notice, type Notices } from '../ui/notices.svelte';

export interface ReextractRun {
  jobId: string;
  /** What is being re-extracted, in words ("“Tides”", "12 articles"). */
  label: string;
  done: number;
  total: number;
  cancelling: boolean;
}

function articles(n: number): string {
  return n === 1 ? '1 article' : `${n.toLocaleString()} articles`;
}

function highlights(n: number): string {
  return n === 1 ? '1 highlight' : `${n.toLocaleString()} highlights`;
}

const versionTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** How a version is offered: "The text before 3 Dec 2026, 10:14 (1,204 words)". */
export function versionLabel(version: Pick<ArticleVersion, 'savedAt' | 'wordCount'>): string {
  const words = version.wordCount === 1 ? '1 word' : `${version.wordCount.toLocaleString()} words`;
  return `The text before ${versionTime.format(Date.parse(version.savedAt))} (${words})`;
}

/** The notice that says how a re-extraction (or a restore) went. */
export function reextractNotice(
  outcomes: readonly ReextractOutcome[],
  asked: number,
  verb: 'Re-extracted' | 'Restored',
): Omit<Notice, 'id'> {
  const done = outcomes.filter((outcome) => outcome.status === 'reextracted');
  const orphaned = done.reduce((sum, outcome) => sum + outcome.orphaned, 0);
  const moved = done.reduce((sum, outcome) => sum + outcome.moved, 0);
  const lines: string[] = [];
  if (done.length === 1 && asked === 1) lines.push(`“${done[0]!.article.title}”`);
  if (moved > 0) lines.push(`${highlights(moved)} found again on words that changed a little.`);
  if (orphaned > 0) {
    lines.push(
      `${highlights(orphaned)} could not be placed in the new text: kept in the notebook, marked as not found. Restore previous version brings the old text back.`,
    );
  }
  for (const outcome of outcomes) {
    if (outcome.status === 'skipped') lines.push(`“${outcome.title}” was left as it is: ${outcome.reason}`);
    if (outcome.status === 'failed') lines.push(`“${outcome.title}”: ${outcome.message}`);
  }
  const left = asked - outcomes.length;
  if (left > 0) lines.push(`Cancelled: ${articles(left)} left as ${left === 1 ? 'it was' : 'they were'}.`);
  const failed = outcomes.some((outcome) => outcome.status === 'failed');
  return {
    tone: failed ? 'error' : orphaned > 0 || lines.length > (asked === 1 ? 1 : 0) ? 'info' : 'success',
    title: asked === 1 && done.length === 1 ? `${verb} the article` : `${verb} ${articles(done.length)}`,
    lines,
  };
}

export class RevisionsState {
  job = $state<ReextractRun | null>(null);
  readonly #api: LecternClient;
  readonly #notices: Pick<Notices, 'show'>;

  constructor(api: LecternClient, notices: Pick<Notices, 'show'>) {
    this.#api = api;
    this.#notices = notices;
    api.onEvent((event) => {
      if (event.type !== 'reextract-progress' || event.jobId !== this.job?.jobId) return;
      this.job = { ...this.job, done: event.done, total: event.total };
    });
  }

  #fail(title: string, error: unknown): null {
    this.#notices.show(errorNotice(title, error));
    return null;
  }

  /** Sets the person's own details; the article in its new state, or null when it failed (and was told). */
  async edit(id: string, edits: Partial<ArticleDetails>): Promise<ArticleSummary | null> {
    try {
      return await this.#api.editArticle(id, edits);
    } catch (error) {
      return this.#fail('The details were not saved', error);
    }
  }

  /** Puts the details back to what extraction found. */
  async reset(id: string, fields?: EditableDetail[]): Promise<ArticleSummary | null> {
    try {
      // An absent argument, not an undefined one: JSON carries undefined as null.
      return await (fields ? this.#api.resetArticleEdits(id, fields) : this.#api.resetArticleEdits(id));
    } catch (error) {
      return this.#fail('The details were not reset', error);
    }
  }

  /** Re-extracts the articles as one job; a second job waits for the first to end. */
  async reextract(ids: string[], label: string): Promise<ReextractOutcome[]> {
    if (this.job) {
      this.#notices.show({
        tone: 'info',
        title: 'A re-extraction is already running',
        lines: ['Wait for it to finish, or cancel it, then try again.'],
      });
      return [];
    }
    const jobId = `reextract-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    this.job = { jobId, label, done: 0, total: ids.length, cancelling: false };
    try {
      const outcomes = await this.#api.reextractArticles(ids, { jobId });
      this.#notices.show(reextractNotice(outcomes, ids.length, 'Re-extracted'));
      return outcomes;
    } catch (error) {
      this.#fail('Re-extraction stopped', error);
      return [];
    } finally {
      this.job = null;
    }
  }

  /** Stops the running job after the article in hand. */
  async cancel(): Promise<void> {
    if (!this.job || this.job.cancelling) return;
    this.job = { ...this.job, cancelling: true };
    await this.#api.cancelReextract(this.job.jobId).catch((error: unknown) => {
      this.#fail('The re-extraction could not be cancelled', error);
    });
  }

  /** The article's earlier contents, newest first; empty when they cannot be read (and told). */
  async versions(id: string): Promise<ArticleVersion[]> {
    try {
      return await this.#api.listVersions(id);
    } catch (error) {
      this.#fail('The earlier versions could not be read', error);
      return [];
    }
  }

  async restore(id: string, versionId: string): Promise<ReextractOutcome | null> {
    try {
      const outcome = await this.#api.restoreVersion(id, versionId);
      this.#notices.show(reextractNotice([outcome], 1, 'Restored'));
      return outcome;
    } catch (error) {
      return this.#fail('The version was not restored', error);
    }
  }
}
