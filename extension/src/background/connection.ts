/**
 * Lectern as the extension knows it: the port it last answered on and the
 * token pairing gave, both in extension storage. Pairing is driven by the
 * popup, one status question at a time, so no long-lived loop has to
 * survive the background being put to sleep.
 */
import { CLIP_PORT, CLIP_PORT_FALLBACKS } from '../../../electron/shared/clip-protocol';
import type { PairStarted } from '../../../electron/shared/clip-protocol';
import { ext } from '../browser-api';
import type { PairStep } from '../messages';
import { browserName } from './browser-name';
import { findLectern } from './find-lectern';
import { LecternClient, type Answer } from './lectern-client';

const PORT_KEY = 'lectern:port';
const TOKEN_KEY = 'lectern:token';
/** Lectern's sentence for the token it stopped taking, kept until this browser is paired again. */
const UNPAIRED_KEY = 'lectern:unpaired';
const PORTS = [CLIP_PORT, ...CLIP_PORT_FALLBACKS];

export const NOT_RUNNING = 'Lectern is not running. Open Lectern, then try again.';

function failure(answer: Exclude<Answer<unknown>, { kind: 'ok' }>): string {
  return answer.kind === 'unreachable' ? NOT_RUNNING : answer.message;
}

export class Connection {
  async #stored(): Promise<{ port?: number; token?: string }> {
    const items = await ext.storage.local.get([PORT_KEY, TOKEN_KEY]);
    return { port: items[PORT_KEY] as number | undefined, token: items[TOKEN_KEY] as string | undefined };
  }

  /** A client for the running Lectern, or null when none answers. */
  async find(): Promise<LecternClient | null> {
    const stored = await this.#stored();
    const port = await findLectern(PORTS, fetch, stored.port);
    if (port === null) return null;
    if (port !== stored.port) await ext.storage.local.set({ [PORT_KEY]: port });
    return new LecternClient(port, stored.token ?? null);
  }

  async isPaired(): Promise<boolean> {
    return (await this.#stored()).token !== undefined;
  }

  /** Lectern no longer takes the token (revoked in its settings): the next popup pairs again, and says why. */
  async forget(reason: string): Promise<void> {
    await ext.storage.local.remove(TOKEN_KEY);
    await ext.storage.local.set({ [UNPAIRED_KEY]: reason });
  }

  async unpairedReason(): Promise<string | null> {
    return ((await ext.storage.local.get([UNPAIRED_KEY]))[UNPAIRED_KEY] as string | undefined) ?? null;
  }

  async startPairing(): Promise<PairStarted | { error: string }> {
    const client = await this.find();
    if (!client) return { error: NOT_RUNNING };
    const navigatorHints = navigator as Navigator & {
      userAgentData?: { brands: { brand: string }[] };
      brave?: unknown;
    };
    const answer = await client.pair({
      browser: browserName({
        userAgent: navigator.userAgent,
        brands: navigatorHints.userAgentData?.brands.map((entry) => entry.brand),
        isBrave: navigatorHints.brave !== undefined,
      }),
      extensionId: new URL(ext.runtime.getURL('/')).host,
    });
    return answer.kind === 'ok' ? answer.value : { error: failure(answer) };
  }

  async pairingStep(pairingId: string): Promise<PairStep | { error: string }> {
    const client = await this.find();
    if (!client) return { error: NOT_RUNNING };
    const answer = await client.pairStatus(pairingId);
    if (answer.kind !== 'ok') return { error: failure(answer) };
    if (answer.value.status !== 'allowed') return answer.value;
    await ext.storage.local.set({ [TOKEN_KEY]: answer.value.token });
    await ext.storage.local.remove(UNPAIRED_KEY);
    return { status: 'allowed' };
  }
}
