/**
 * Short messages at the corner of the window: what an import did, what went
 * wrong and why. Errors stay until dismissed; good news fades by itself.
 */
export interface Notice {
  id: number;
  /** success fades by itself; info (a duplicate, a kept link) and error stay until dismissed. */
  tone: 'success' | 'info' | 'error';
  title: string;
  lines: string[];
  action?: { label: string; run: () => void };
}

const SUCCESS_MS = 5000;

export class Notices {
  items = $state<Notice[]>([]);
  #next = 1;

  show(notice: Omit<Notice, 'id'>): void {
    const id = this.#next++;
    this.items = [...this.items, { ...notice, id }];
    if (notice.tone === 'success') setTimeout(() => this.dismiss(id), SUCCESS_MS);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((item) => item.id !== id);
  }
}
