/**
 * What the Settings page shows beyond the reader's settings: the app's
 * version and library folder (read once) and the library's options,
 * changed optimistically and put back with a notice when the backend
 * refuses (a Markdown template naming a field that does not exist).
 */
import type { AppInfo, LecternClient } from '@shared/api';
import { errorMessage } from '@shared/errors';
import { DEFAULT_LIBRARY_OPTIONS, type LibraryOptions } from '@shared/library-options';
import { errorNotice, type Notices } from '../ui/notices.svelte';

export class LibraryOptionsState {
  value = $state<LibraryOptions>({ ...DEFAULT_LIBRARY_OPTIONS });
  info = $state<AppInfo | null>(null);
  /** Why the last change was refused, shown beside the field; empty when it was saved. */
  problem = $state('');
  readonly #api: LecternClient;
  readonly #notices: Pick<Notices, 'show'>;

  constructor(api: LecternClient, notices: Pick<Notices, 'show'>) {
    this.#api = api;
    this.#notices = notices;
  }

  async load(): Promise<void> {
    try {
      [this.info, this.value] = await Promise.all([this.#api.getAppInfo(), this.#api.getLibraryOptions()]);
    } catch (error) {
      this.#notices.show(errorNotice('Settings could not be read', error));
    }
  }

  /** Saves a change; true when it was kept. */
  async update(patch: Partial<LibraryOptions>): Promise<boolean> {
    const before = this.value;
    this.value = { ...before, ...patch };
    try {
      this.value = await this.#api.updateLibraryOptions(patch);
      this.problem = '';
      return true;
    } catch (error) {
      this.value = before;
      this.problem = errorMessage(error);
      return false;
    }
  }
}
