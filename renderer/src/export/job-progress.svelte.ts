/**
 * How far a backend job has got, for an export and for a backup's restore,
 * which the backend reports alike (export-progress events naming the job).
 * The owner says which job to follow; events of any other job, such as one
 * cancelled a moment ago, are ignored.
 */
import type { LecternClient } from '@shared/api';

export class JobProgress {
  done = $state(0);
  total = $state(0);
  /** The job followed, or null between jobs. */
  jobId: string | null = null;
  readonly percent = $derived(this.total > 0 ? Math.round((this.done / this.total) * 100) : 0);

  constructor(api: Pick<LecternClient, 'onEvent'>) {
    api.onEvent((event) => {
      if (event.type !== 'export-progress' || event.jobId !== this.jobId) return;
      this.done = event.done;
      this.total = event.total;
    });
  }

  /** Follows a new job, from nothing done. */
  follow(jobId: string): void {
    this.jobId = jobId;
    this.done = 0;
    this.total = 0;
  }
}
