/**
 * The outbox: every clip is written here before it is sent, and removed only
 * once Lectern has answered for it, so a clip made while Lectern is closed,
 * or while the browser shuts the background down mid-send, is never lost.
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

export type Sender = (clip: QueuedClip) => Promise<Answer<ClipAnswer>>;

export class Outbox {
  readonly #sending = new SerialQueue();

  constructor(private readonly area: StorageArea) {}

  async add(clip: QueuedClip): Promise<void> {
    await this.area.set({ [PREFIX + clip.request.requestId]: clip });
  }

  /** The clips waiting, oldest first. */
  async list(): Promise<QueuedClip[]> {
    const all = await this.area.get(null);
    return Object.entries(all)
      .filter(([key]) => key.startsWith(PREFIX))
      .map(([, clip]) => clip as QueuedClip)
      .sort((a, b) => a.queuedAt - b.queuedAt);
  }

  async count(): Promise<number> {
    return (await this.list()).length;
  }

  /**
   * Sends one queued clip, unless another send already took it out. The clip
   * leaves the outbox when Lectern answered for it, saved or refused; it
   * stays when Lectern is away, busy or not paired.
   */
  send(requestId: string, sender: Sender): Promise<Answer<ClipAnswer> | null> {
    return this.#sending.run(async () => {
      const key = PREFIX + requestId;
      const clip = (await this.area.get([key]))[key] as QueuedClip | undefined;
      if (!clip) return null;
      const answer = await sender(clip);
      if (answer.kind === 'ok' || answer.kind === 'refused') await this.area.remove(key);
      return answer;
    });
  }

  /**
   * Sends every waiting clip, oldest first, and stops at the first that
   * cannot go yet (Lectern away, busy or unpaired): the rest would fare no
   * better. Answers each clip's outcome, in order.
   */
  async flush(sender: Sender): Promise<{ clip: QueuedClip; answer: Answer<ClipAnswer> }[]> {
    const outcomes: { clip: QueuedClip; answer: Answer<ClipAnswer> }[] = [];
    for (const clip of await this.list()) {
      const answer = await this.send(clip.request.requestId, sender);
      if (answer === null) continue;
      outcomes.push({ clip, answer });
      if (answer.kind !== 'ok' && answer.kind !== 'refused') break;
    }
    return outcomes;
  }
}
