/**
 * What the sidebar lists besides the fixed entries: the tags with their
 * counts and colours, and the saved views with theirs. Both come from the
 * backend and are fetched again, a moment after the last change, whenever the
 * library or its settings change, so counts stay true in every window.
 */
import type { SavedView, TagInfo } from '@shared/api';
import { api } from '../api/client';

const REFRESH_DELAY_MS = 150;

class SidebarState {
  tags = $state.raw<TagInfo[]>([]);
  views = $state.raw<SavedView[]>([]);
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    api.onEvent(() => this.refreshSoon());
  }

  refreshSoon(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.refresh();
    }, REFRESH_DELAY_MS);
  }

  async refresh(): Promise<void> {
    const [tags, views] = await Promise.all([api.listTags(), api.listViews()]);
    this.tags = tags;
    this.views = views;
  }
}

export const sidebar = new SidebarState();
