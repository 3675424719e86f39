/**
 * The reader settings as the window sees them: loaded once, changed
 * optimistically (the panel answers at once) and kept current by the
 * backend's settings-changed events, so every window shows the same theme.
 */
import type { LecternEvent } from '@shared/api';
import { DEFAULT_SETTINGS, type ReaderSettings } from '@shared/settings';
import { api } from '../api/client';
import { notices } from '../ui/notices.svelte';

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

class SettingsState {
  value = $state<ReaderSettings>({ ...DEFAULT_SETTINGS });
  systemDark = $state(darkQuery.matches);
  /** Changes sent and not yet answered: answers and events older than the newest change are ignored. */
  #pending = 0;

  constructor() {
    api.onEvent((event: LecternEvent) => {
      if (event.type === 'settings-changed' && this.#pending === 0) this.value = event.settings;
    });
    darkQuery.addEventListener('change', (event) => {
      this.systemDark = event.matches;
    });
  }

  async load(): Promise<void> {
    try {
      this.value = await api.getSettings();
    } catch (error) {
      notices.show({ tone: 'error', title: 'Reader settings could not be read', lines: [message(error)] });
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
      const saved = await api.updateSettings(patch);
      if (this.#pending === 1) this.value = saved;
    } catch (error) {
      notices.show({ tone: 'error', title: 'The setting was not saved', lines: [message(error)] });
    } finally {
      this.#pending--;
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const settings = new SettingsState();
