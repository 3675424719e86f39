/**
 * Every highlight in the library, filtered by colour, tag and words, for the
 * Highlights view. Typing and picking filters asks again a moment after the
 * last change; changes from any window (new highlights, edited notes, deleted
 * articles) do too. An older answer never replaces a newer one.
 */
import type { HighlightColor } from '@shared/annotation';
import type { LecternClient, LibraryHighlight } from '@shared/api';
import { debounce } from '@shared/async';
import { errorMessage } from '@shared/errors';

const RELOAD_DELAY_MS = 150;

export class HighlightsState {
  items = $state.raw<LibraryHighlight[]>([]);
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  error = $state('');
  color = $state<HighlightColor | ''>('');
  tag = $state('');
  text = $state('');
  readonly filtered = $derived(this.color !== '' || this.tag !== '' || this.text.trim() !== '');
  readonly #api: LecternClient;
  readonly #unsubscribe: () => void;
  #request = 0;

  constructor(api: LecternClient) {
    this.#api = api;
    this.#unsubscribe = api.onEvent((event) => {
      if (
        event.type === 'annotations-changed' ||
        event.type === 'library-changed' ||
        event.type === 'events-resumed'
      )
        this.reload();
    });
  }

  async load(): Promise<void> {
    const mine = ++this.#request;
    const text = this.text.trim();
    try {
      const found = await this.#api.listHighlights({
        ...(this.color ? { color: this.color } : {}),
        ...(this.tag ? { tag: this.tag } : {}),
        ...(text ? { text } : {}),
      });
      if (mine !== this.#request) return;
      this.items = found;
      this.status = 'ready';
    } catch (failure) {
      this.error = errorMessage(failure);
      this.status = 'failed';
    }
  }

  /** Loads again a moment after the last call. */
  readonly reload = debounce(() => void this.load(), RELOAD_DELAY_MS);

  dispose(): void {
    this.reload.cancel();
    this.#unsubscribe();
  }
}
