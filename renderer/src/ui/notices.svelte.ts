/**
 * Short messages at the corner of the window: what an import did, what went
 * wrong and why. Errors stay until dismissed; good news fades by itself. Only
 * the newest few are shown at once, so a burst of them never climbs over the
 * page; the older ones wait behind one "earlier" line the person can open.
 */
import { errorMessage } from '@shared/errors';

export interface Notice {
  id: number;
  /** success fades by itself; info (a duplicate, a kept link) and error stay until dismissed. */
  tone: 'success' | 'info' | 'error';
  title: string;
  lines: string[];
  action?: { label: string; run: () => void };
}

/** The notice for an action that failed: what did not happen, then the error's own words. */
export function errorNotice(title: string, error: unknown): Omit<Notice, 'id'> {
  return { tone: 'error', title, lines: [errorMessage(error)] };
}

const SUCCESS_MS = 5000;
export const VISIBLE_NOTICES = 3;

export class Notices {
  items = $state<Notice[]>([]);
  /** The person asked to see the older notices too. */
  expanded = $state(false);
  readonly visible = $derived(this.expanded ? this.items : this.items.slice(-VISIBLE_NOTICES));
  readonly hiddenCount = $derived(this.items.length - this.visible.length);
  #next = 1;

  show(notice: Omit<Notice, 'id'>): void {
    const id = this.#next++;
    this.items = [...this.items, { ...notice, id }];
    if (notice.tone === 'success') setTimeout(() => this.dismiss(id), SUCCESS_MS);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((item) => item.id !== id);
    if (this.items.length <= VISIBLE_NOTICES) this.expanded = false;
  }
}
