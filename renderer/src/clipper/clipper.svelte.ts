/**
 * The web clipper in this window: the endpoint's state and the paired
 * browsers for Settings, the pairing request the dialog asks about, and the
 * usual import notice when a clip arrives. Everything is fetched again on
 * each `clipper-changed`, which the backend sends when a pairing is asked
 * for, answered, lapses or is revoked, so every open window shows the same
 * dialog and closes it together; the lists are a handful of rows.
 */
import type { ClipperInfo, ImportOutcome, LecternClient, PendingPairing } from '@shared/api';
import { errorNotice, type Notices } from '../ui/notices.svelte';

export class ClipperState {
  info = $state.raw<ClipperInfo | null>(null);
  /** The pairing the dialog asks about: the oldest one waiting. */
  readonly pairing: PendingPairing | null = $derived(this.info?.pending[0] ?? null);
  readonly #api: LecternClient;
  readonly #notices: Pick<Notices, 'show'>;

  /** `report` shows a clip's outcome as a drop's would be shown (Importer.report). */
  constructor(api: LecternClient, notices: Pick<Notices, 'show'>, report: (outcome: ImportOutcome) => void) {
    this.#api = api;
    this.#notices = notices;
    api.onEvent((event) => {
      if (event.type === 'clipper-changed' || event.type === 'events-resumed') void this.refresh();
      if (event.type === 'clip-saved') report(event.outcome);
    });
  }

  async refresh(): Promise<void> {
    try {
      this.info = await this.#api.listClippers();
    } catch (error) {
      this.#notices.show(errorNotice('The web clipper’s state could not be read', error));
    }
  }

  async allow(pairingId: string): Promise<void> {
    await this.#answer(() => this.#api.allowClipper(pairingId), 'The browser could not be allowed');
  }

  async deny(pairingId: string): Promise<void> {
    await this.#answer(() => this.#api.denyClipper(pairingId), 'The request could not be denied');
  }

  async revoke(id: string): Promise<void> {
    await this.#answer(() => this.#api.revokeClipper(id), 'The browser could not be revoked');
  }

  async #answer(call: () => Promise<void>, failure: string): Promise<void> {
    try {
      await call();
    } catch (error) {
      this.#notices.show(errorNotice(failure, error));
    }
    await this.refresh();
  }
}
