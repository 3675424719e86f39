/**
 * The reader settings as the window sees them: loaded once, changed
 * optimistically (the panel answers at once) and kept current by the
 * backend's settings-changed events, so every window shows the same theme.
 */
import type { LecternClient, LecternEvent } from '@shared/api';
import { DEFAULT_SETTINGS, type ReaderSettings } from '@shared/settings';
import { errorNotice, type Notices } from '../ui/notices.svelte';

export class SettingsState {
  value = $state<ReaderSettings>({ ...DEFAULT_SETTINGS });
  systemDark = $state(false);
  /** Changes sent and not yet answered: answers and events older than the newest change are ignored. */
  #pending = 0;
  readonly #api: LecternClient;
  readonly #notices: Pick<Notices, 'show'>;

  /** `darkQuery` is the window's prefers-color-scheme: dark media query. */
  constructor(api: LecternClient, notices: Pick<Notices, 'show'>, darkQuery: MediaQueryList) {
    this.#api = api;
    this.#notices = notices;
    this.systemDark = darkQuery.matches;
    api.onEvent((event: LecternEvent) => {
      if (event.type === 'settings-changed' && this.#pending === 0) this.value = event.settings;
    });
    darkQuery.addEventListener('change', (event) => {
      this.systemDark = event.matches;
    });
  }

  async load(): Promise<void> {
    try {
      this.value = await this.#api.getSettings();
    } catch (error) {
      this.#notices.show(errorNotice('Reader settings could not be read', error));
    }
  }

  /** Shows a change at once without saving it (a slider being dragged). */
  preview(patch: Partial<ReaderSettings>): void {
    this.value = { ...this.value, ...patch };
  }

  async update(patch: Partial<ReaderSettings>): Promise<void> {
    this.value = { ...this.value, ...patch };
    this.#pending++;
    try {
      const saved = await this.#api.updateSettings(patch);
      if (this.#pending === 1) this.value = saved;
    } catch (error) {
      this.#notices.show(errorNotice('The setting was not saved', error));
    } finally {
      this.#pending--;
    }
  }
}
