/**
 * The outbox: every clip is written here before it is sent, and removed only
 * once Lectern has saved it or the person has discarded it, so a clip made
 * while Lectern is closed, or while the browser shuts the background down
 * mid-send, is never lost, and neither is one Lectern turned down.
 *
 * A clip is in one of two states. Waiting: no verdict yet (Lectern away,
 * busy, or this browser not paired); it is offered again on every flush.
 * Refused: Lectern looked at it and said no (too large, an address it does
 * not take, a page with nothing to read); it keeps Lectern's reason and is
 * held, never resent by itself, since the same bytes would fare the same,
 * until the person retries or discards it from the popup.
 *
 * One storage key per clip (`outbox:<requestId>`) means two clips queued at
 * once never overwrite each other's list. Sending is one at a time, oldest
 * first; a resend after a lost answer is harmless because Lectern answers a
 * repeated request id with its first result.
 */
import { SerialQueue } from '../../../electron/shared/async';
import type { ClipAnswer } from '../../../electron/shared/clip-protocol';
import type { Answer, QueuedClip } from './lectern-client';

const PREFIX = 'outbox:';

/** The part of chrome.storage.local the outbox uses. */
export interface StorageArea {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** A clip as the outbox holds it: `refused` is set once Lectern turned it down. */
export interface OutboxEntry extends QueuedClip {
  refused?: { reason: string; at: number };
}

export type Sender = (clip: QueuedClip) => Promise<Answer<ClipAnswer>>;

export class Outbox {
  readonly #sending = new SerialQueue();

  constructor(
    private readonly area: StorageArea,
    private readonly now: () => number = Date.now,
  ) {}

  async add(clip: QueuedClip): Promise<void> {
    await this.area.set({ [PREFIX + clip.request.requestId]: clip });
  }

  /** Every clip held, oldest first. */
  async entries(): Promise<OutboxEntry[]> {
    const all = await this.area.get(null);
    return Object.entries(all)
      .filter(([key]) => key.startsWith(PREFIX))
      .map(([, clip]) => clip as OutboxEntry)
      .sort((a, b) => a.queuedAt - b.queuedAt);
  }

  /** The clips waiting to be sent, oldest first. */
  async waiting(): Promise<OutboxEntry[]> {
    return (await this.entries()).filter((entry) => !entry.refused);
  }

  /** The clips Lectern refused, oldest first, each with Lectern's reason. */
  async refused(): Promise<OutboxEntry[]> {
    return (await this.entries()).filter((entry) => entry.refused);
  }

  async #entry(key: string): Promise<OutboxEntry | undefined> {
    return (await this.area.get([key]))[key] as OutboxEntry | undefined;
  }

  /**
   * Sends one waiting clip, unless another send already took it out or it is
   * held as refused. The clip leaves the outbox when Lectern saved it; it is
   * held with the reason when Lectern refused it; it stays waiting when
   * Lectern is away, busy or does not know this browser.
   */
  send(requestId: string, sender: Sender): Promise<Answer<ClipAnswer> | null> {
    return this.#sending.run(async () => {
      const key = PREFIX + requestId;
      const clip = await this.#entry(key);
      if (!clip || clip.refused) return null;
      const answer = await sender(clip);
      if (answer.kind === 'ok') await this.area.remove(key);
      else if (answer.kind === 'refused')
        await this.area.set({ [key]: { ...clip, refused: { reason: answer.message, at: this.now() } } });
      return answer;
    });
  }

  /** Puts a refused clip back to waiting, to be sent again: the person's Retry. */
  release(requestId: string): Promise<void> {
    return this.#sending.run(async () => {
      const key = PREFIX + requestId;
      const clip = await this.#entry(key);
      if (!clip?.refused) return;
      const waiting: OutboxEntry = { ...clip };
      delete waiting.refused;
      await this.area.set({ [key]: waiting });
    });
  }

  /** Removes a clip for good: the person's Discard. */
  discard(requestId: string): Promise<void> {
    return this.#sending.run(() => this.area.remove(PREFIX + requestId));
  }

  /**
   * Sends every waiting clip, oldest first, and stops at the first that
   * cannot go yet (Lectern away, busy or unpaired): the rest would fare no
   * better. Answers each clip's outcome, in order.
   */
  async flush(sender: Sender): Promise<{ clip: QueuedClip; answer: Answer<ClipAnswer> }[]> {
    const outcomes: { clip: QueuedClip; answer: Answer<ClipAnswer> }[] = [];
    for (const clip of await this.waiting()) {
      const answer = await this.send(clip.request.requestId, sender);
      if (answer === null) continue;
      outcomes.push({ clip, answer });
      if (answer.kind !== 'ok' && answer.kind !== 'refused') break;
    }
    return outcomes;
  }
}
