/**
 * Pairings waiting for the person's answer, in memory only: a request that
 * Lectern forgets on restart simply lapses, and the extension asks again.
 * Each holds a six-character code shown both in the extension's popup and in
 * Lectern's window, so the person can tell that the browser asking is theirs.
 * A request lapses after PAIRING_TTL_MS; an allowed one hands its token out
 * once, on the next poll, and is then forgotten. At most MAX_PENDING wait at
 * once, so a program on this machine cannot bury the window in dialogs.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { PendingPairing } from '../../shared/api';
import type { PairRequest, PairStarted, PairStatus } from '../../shared/clip-protocol';

export const PAIRING_TTL_MS = 2 * 60_000;
export const MAX_PENDING = 3;
/** No 0/O or 1/I/L: the code is read off one screen and matched against another. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

interface Pairing extends PairRequest {
  pairingId: string;
  code: string;
  expiresAt: number;
  answer: { status: 'allowed'; token: string } | { status: 'denied' } | null;
}

export function pairingCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export class Pairings {
  readonly #pairings = new Map<string, Pairing>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A new pending pairing, or null when MAX_PENDING are already waiting. */
  start(request: PairRequest): PairStarted | null {
    this.#forgetLapsed();
    if (this.pending().length >= MAX_PENDING) return null;
    const pairingId = randomBytes(16).toString('base64url');
    const code = pairingCode();
    this.#pairings.set(pairingId, {
      ...request,
      pairingId,
      code,
      expiresAt: this.now() + PAIRING_TTL_MS,
      answer: null,
    });
    return { pairingId, code };
  }

  /** What the extension's poll learns; an allowed pairing gives its token this once. */
  status(pairingId: string): PairStatus {
    this.#forgetLapsed();
    const pairing = this.#pairings.get(pairingId);
    if (!pairing) return { status: 'expired' };
    if (!pairing.answer) return { status: 'pending' };
    this.#pairings.delete(pairingId);
    return pairing.answer;
  }

  pending(): PendingPairing[] {
    const now = this.now();
    return [...this.#pairings.values()]
      .filter((pairing) => !pairing.answer && pairing.expiresAt > now)
      .map(({ pairingId, browser, extensionId, code, expiresAt }) => ({
        pairingId,
        browser,
        extensionId,
        code,
        expiresAt: new Date(expiresAt).toISOString(),
      }));
  }

  /** Records the person's answer; returns the pairing, or null when it is not pending. */
  answer(pairingId: string, answer: NonNullable<Pairing['answer']>): PairRequest | null {
    this.#forgetLapsed();
    const pairing = this.#pairings.get(pairingId);
    if (!pairing || pairing.answer) return null;
    pairing.answer = answer;
    // The extension polls every second or two; the answer waits for it as long again.
    pairing.expiresAt = this.now() + PAIRING_TTL_MS;
    return { browser: pairing.browser, extensionId: pairing.extensionId };
  }

  #forgetLapsed(): void {
    const now = this.now();
    for (const [id, pairing] of this.#pairings) if (pairing.expiresAt <= now) this.#pairings.delete(id);
  }
}
