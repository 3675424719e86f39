/**
 * What happens to a clip once taken: it goes into the outbox, then to
 * Lectern if Lectern answers, and the outcome comes back in words for the
 * popup and the badge. A clip Lectern refused stays in the outbox with the
 * reason, for the popup to list with Retry and Discard. Popup, context menu and keyboard command all come
 * here, so they behave alike.
 */
import type { ClipAnswer } from '../../../electron/shared/clip-protocol';
import { ext } from '../browser-api';
import type { AllTabsOutcome, ClipOptions, ClipOutcome, RefusedClip } from '../messages';
import { showFailed, showOutbox, showSaved } from './badge';
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

  /** How many clips wait to be sent, and the ones Lectern refused. */
  async held(): Promise<{ waiting: number; refused: RefusedClip[] }> {
    const entries = await this.#outbox.entries();
    const refused = entries.flatMap(({ request, refused }) =>
      refused ? [{ requestId: request.requestId, title: request.title, url: request.url, ...refused }] : [],
    );
    return { waiting: entries.length - refused.length, refused };
  }

  async #showHeld(): Promise<{ waiting: number; refused: RefusedClip[] }> {
    const held = await this.held();
    await showOutbox(held.waiting, held.refused.length);
    return held;
  }

  /** Offers a waiting clip to Lectern; a token Lectern no longer takes is forgotten, so the popup pairs again. */
  async #send(clip: QueuedClip): Promise<Answer<ClipAnswer> | { kind: 'unreachable' }> {
    const client = await this.#connection.find();
    if (!client) return { kind: 'unreachable' };
    const answer = await this.#outbox.send(clip.request.requestId, (queued) => client.clip(queued));
    if (answer?.kind === 'unpaired' && (await this.#connection.isPaired()))
      await this.#connection.forget(answer.message);
    return answer ?? { kind: 'unreachable' };
  }

  /** Says what became of a clip just sent, on the badge and in words for the popup. */
  async #report(
    clip: QueuedClip,
    answer: Answer<ClipAnswer> | { kind: 'unreachable' },
    tabId: number | null,
  ): Promise<ClipOutcome> {
    const { waiting } = await this.#showHeld();
    let outcome: ClipOutcome;
    if (answer.kind === 'ok') outcome = answer.value;
    else if (answer.kind === 'refused')
      outcome = { status: 'failed', message: answer.message, requestId: clip.request.requestId };
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

  /** Queues a clip, sends it if Lectern answers, and says what became of it. */
  async #deliver(clip: QueuedClip, tabId: number | null): Promise<ClipOutcome> {
    await this.#outbox.add(clip);
    return this.#report(clip, await this.#send(clip), tabId);
  }

  /** Sends a clip Lectern refused once more (after the person changed something in Lectern, say). */
  async retry(requestId: string): Promise<ClipOutcome> {
    const clip = (await this.#outbox.refused()).find((entry) => entry.request.requestId === requestId);
    if (!clip) return { status: 'failed', message: 'That clip is no longer kept in this browser.' };
    await this.#outbox.release(requestId);
    return this.#report(clip, await this.#send(clip), null);
  }

  async discard(requestId: string): Promise<void> {
    await this.#outbox.discard(requestId);
    await this.#showHeld();
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
      if (outcome && outcome.status !== 'failed') {
        outcomes.push(outcome);
        continue;
      }
      const link = await this.saveLink(tab.url as string, tab.title ?? '', options, tab.id);
      // The page Lectern refused is in the library as a link now: nothing is left to retry.
      if (outcome?.requestId && (link.status === 'saved' || link.status === 'duplicate'))
        await this.#outbox.discard(outcome.requestId);
      outcomes.push(link);
    }
    return { outcomes };
  }

  /** Sends what waits in the outbox, if Lectern answers; called on a timer, at start-up and when the popup opens. */
  async flush(): Promise<void> {
    const client = await this.#connection.find();
    if (client && (await this.#connection.isPaired())) {
      const outcomes = await this.#outbox.flush((clip) => client.clip(clip));
      const unpaired = outcomes.map(({ answer }) => answer).find((answer) => answer.kind === 'unpaired');
      if (unpaired) await this.#connection.forget(unpaired.message);
    }
    await this.#showHeld();
  }
}
