/**
 * What happens to a clip once taken: it goes into the outbox, then to
 * Lectern if Lectern answers, and the outcome comes back in words for the
 * popup and the badge. Popup, context menu and keyboard command all come
 * here, so they behave alike.
 */
import type { ClipAnswer } from '../../../electron/shared/clip-protocol';
import { ext } from '../browser-api';
import type { AllTabsOutcome, ClipOptions, ClipOutcome } from '../messages';
import { showFailed, showSaved, showWaiting } from './badge';
import { captureTab, linkClip, unclippableReason } from './capture-tab';
import { clipTooLarge } from './clip-size';
import { Connection } from './connection';
import type { Answer, QueuedClip } from './lectern-client';
import { Outbox } from './outbox';

const WAITING_REASONS: Record<'unreachable' | 'unpaired' | 'retry', string> = {
  unreachable: 'Lectern is not running: the clip is kept in the browser and sent when Lectern opens.',
  unpaired: 'This browser is not paired with Lectern yet: the clip is kept until you connect in this popup.',
  retry: 'Lectern is busy: the clip is kept in the browser and sent again shortly.',
};

export class Clipper {
  readonly #connection = new Connection();
  readonly #outbox = new Outbox(ext.storage.local);

  get connection(): Connection {
    return this.#connection;
  }

  waiting(): Promise<number> {
    return this.#outbox.count();
  }

  async #send(clip: QueuedClip): Promise<Answer<ClipAnswer> | { kind: 'unreachable' }> {
    const client = await this.#connection.find();
    if (!client) return { kind: 'unreachable' };
    const answer = await this.#outbox.send(clip.request.requestId, (queued) => client.clip(queued));
    if (answer?.kind === 'unpaired') await this.#connection.forget();
    return answer ?? { kind: 'unreachable' };
  }

  /** Queues a clip, sends it if Lectern answers, and says what became of it. */
  async #deliver(clip: QueuedClip, tabId: number | null): Promise<ClipOutcome> {
    await this.#outbox.add(clip);
    const answer = await this.#send(clip);
    const waiting = await this.#outbox.count();
    await showWaiting(waiting);
    let outcome: ClipOutcome;
    if (answer.kind === 'ok') outcome = answer.value;
    else if (answer.kind === 'refused') outcome = { status: 'failed', message: answer.message };
    else
      outcome = {
        status: 'queued',
        title: clip.request.title,
        waiting,
        reason: WAITING_REASONS[answer.kind],
      };
    if (tabId !== null && outcome.status !== 'queued') {
      if (outcome.status === 'failed') await showFailed(tabId, outcome.message);
      else await showSaved(tabId, outcome.title);
    }
    return outcome;
  }

  async saveTab(tabId: number, kind: 'page' | 'selection', options: ClipOptions): Promise<ClipOutcome> {
    const captured = await captureTab(tabId, kind, options);
    if ('error' in captured) return { status: 'failed', message: captured.error };
    const tooLarge = clipTooLarge(captured.htmlBytes, captured.imageSizes);
    if (tooLarge) return { status: 'failed', message: tooLarge };
    return this.#deliver(captured.clip, tabId);
  }

  async saveLink(
    url: string,
    title: string,
    options: ClipOptions,
    tabId: number | null,
  ): Promise<ClipOutcome> {
    const reason = unclippableReason(url);
    if (reason) return { status: 'failed', message: reason };
    return this.#deliver(linkClip(url, title || url, options), tabId);
  }

  /**
   * Every web page open in the window, one after another. A tab the browser
   * has unloaded, or that cannot be read, is saved as a link for Lectern to
   * fetch rather than skipped.
   */
  async saveAllTabs(windowId: number, options: ClipOptions): Promise<AllTabsOutcome> {
    const tabs = await ext.tabs.query({ windowId });
    const outcomes: ClipOutcome[] = [];
    for (const tab of tabs) {
      if (tab.id === undefined || unclippableReason(tab.url) !== null) continue;
      const outcome = tab.discarded ? null : await this.saveTab(tab.id, 'page', options);
      outcomes.push(
        outcome && outcome.status !== 'failed'
          ? outcome
          : await this.saveLink(tab.url as string, tab.title ?? '', options, tab.id),
      );
    }
    return { outcomes };
  }

  /** Sends what waits in the outbox, if Lectern answers; called on a timer, at start-up and when the popup opens. */
  async flush(): Promise<void> {
    const client = await this.#connection.find();
    if (client && (await this.#connection.isPaired())) {
      const outcomes = await this.#outbox.flush((clip) => client.clip(clip));
      if (outcomes.some((outcome) => outcome.answer.kind === 'unpaired')) await this.#connection.forget();
    }
    await showWaiting(await this.#outbox.count());
  }
}
