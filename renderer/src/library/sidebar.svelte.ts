/**
 * What the sidebar lists besides the fixed entries: the tags with their
 * counts and colours, and the saved views with theirs. Both come from the
 * backend and are fetched again, a moment after the last change, whenever the
 * library or its settings change, so counts stay true in every window.
 */
import type { LecternClient, SavedView, TagInfo } from '@shared/api';
import { debounce } from '@shared/async';
import { errorNotice, type Notices } from '../ui/notices.svelte';

const REFRESH_DELAY_MS = 150;

export class SidebarState {
  tags = $state.raw<TagInfo[]>([]);
  views = $state.raw<SavedView[]>([]);
  readonly #api: LecternClient;
  readonly #notices: Pick<Notices, 'show'>;

  constructor(api: LecternClient, notices: Pick<Notices, 'show'>) {
    this.#api = api;
    this.#notices = notices;
    api.onEvent(() => this.refreshSoon());
  }

  /** Refreshes once a burst of backend events has passed. */
  readonly refreshSoon = debounce(() => void this.refresh(), REFRESH_DELAY_MS);

  /** Fetches the tags and views again; a failure is told, and what was shown stays. */
  async refresh(): Promise<void> {
    try {
      const [tags, views] = await Promise.all([this.#api.listTags(), this.#api.listViews()]);
      this.tags = tags;
      this.views = views;
    } catch (error) {
      this.#notices.show(errorNotice('The tags and saved views could not be updated', error));
    }
  }
}
