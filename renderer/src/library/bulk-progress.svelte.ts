/**
 * How far a change to many articles has got (archiving 10,000 takes seconds:
 * a file write each), from the backend's bulk-progress events: shown by
 * BulkProgress.svelte while it runs, gone when it ends.
 */
import type { LecternClient } from '@shared/api';

export class BulkProgressState {
  current = $state<{ done: number; total: number } | null>(null);

  constructor(api: LecternClient) {
    api.onEvent((event) => {
      if (event.type !== 'bulk-progress') return;
      this.current = event.done >= event.total ? null : { done: event.done, total: event.total };
    });
  }
}
