/**
 * The clipper's state behind both its faces: the clip endpoint (clip-server.ts)
 * asks it to start pairings and to check tokens, and the window's API
 * (ClipperApi) lists, allows, denies and revokes. Each change is announced as
 * `clipper-changed`, so every open window shows the pairing dialog, and
 * closes it, at once.
 *
 * A token is 32 random bytes handed out once; only its SHA-256 is kept
 * (clipper-file.ts), so a copy of the library does not carry a way in.
 * Revoking deletes the hash in memory before the file is written, so the
 * next request with that token is refused whatever the disk is doing.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ClipEndpointStatus, ClipperInfo, PairedClipper } from '../../shared/api';
import type { PairRequest, PairStarted, PairStatus } from '../../shared/clip-protocol';
import { LecternError } from '../../shared/errors';
import type { EventHub } from '../events';
import { ClipperFile, type StoredBrowser } from './clipper-file';
import { PAIRING_TTL_MS, Pairings } from './pairings';

const hashOf = (token: string) => createHash('sha256').update(token).digest();

const notPending = () =>
  new LecternError('not-found', 'That pairing request is no longer waiting: it was answered or it lapsed.');

export class Clipper {
  #endpoint: ClipEndpointStatus = { state: 'off' };
  readonly #pairings: Pairings;

  private constructor(
    readonly file: ClipperFile,
    private readonly events: EventHub,
    private readonly now: () => Date,
  ) {
    this.#pairings = new Pairings(() => this.now().getTime());
  }

  static async open(libraryDir: string, events: EventHub, now = () => new Date()): Promise<Clipper> {
    return new Clipper(await ClipperFile.open(libraryDir), events, now);
  }

  get endpoint(): ClipEndpointStatus {
    return this.#endpoint;
  }

  setEndpoint(status: ClipEndpointStatus): void {
    this.#endpoint = status;
    this.#changed();
  }

  list(): ClipperInfo {
    return {
      endpoint: this.#endpoint,
      paired: this.file
        .browsers()
        .map(({ id, browser, extensionId, pairedAt, lastUsedAt }): PairedClipper => ({
          id,
          browser,
          extensionId,
          pairedAt,
          lastUsedAt,
        })),
      pending: this.#pairings.pending(),
    };
  }

  /** A new pairing for the window to show, or null when too many are waiting already. */
  startPairing(request: PairRequest): PairStarted | null {
    const started = this.#pairings.start(request);
    if (started) {
      this.#changed();
      // The windows drop the dialog when the request lapses unanswered.
      setTimeout(() => this.#changed(), PAIRING_TTL_MS + 100).unref();
    }
    return started;
  }

  pairingStatus(pairingId: string): PairStatus {
    return this.#pairings.status(pairingId);
  }

  async allow(pairingId: string): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const request = this.#pairings.answer(pairingId, { status: 'allowed', token });
    if (!request) throw notPending();
    await this.file.addBrowser({
      id: randomBytes(9).toString('base64url'),
      browser: request.browser,
      extensionId: request.extensionId,
      tokenHash: hashOf(token).toString('hex'),
      pairedAt: this.now().toISOString(),
      lastUsedAt: null,
    });
    this.#changed();
  }

  async deny(pairingId: string): Promise<void> {
    if (!this.#pairings.answer(pairingId, { status: 'denied' })) throw notPending();
    this.#changed();
  }

  async revoke(id: string): Promise<void> {
    if (!(await this.file.removeBrowser(id))) {
      throw new LecternError('not-found', 'That browser is not paired with this library.');
    }
    this.#changed();
  }

  /** The paired browser holding `token`, or null. */
  browserFor(token: string): Readonly<StoredBrowser> | null {
    const hash = hashOf(token);
    return (
      this.file.browsers().find((browser) => {
        const known = Buffer.from(browser.tokenHash, 'hex');
        return known.length === hash.length && timingSafeEqual(known, hash);
      }) ?? null
    );
  }

  /** Notes that a browser just saved a clip, for Settings' "last used". */
  async used(browserId: string): Promise<void> {
    await this.file.touchBrowser(browserId, this.now().toISOString());
    this.#changed();
  }

  #changed(): void {
    this.events.emit({ type: 'clipper-changed' });
  }
}
