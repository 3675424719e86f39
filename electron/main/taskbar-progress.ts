/**
 * The taskbar (Windows, Linux with Unity launchers) or dock (macOS) progress
 * during a bulk import, as BrowserWindow.setProgressBar takes it: a fraction
 * while files remain, -1 to remove the bar. A single file shows no bar: it
 * is over before the bar would be seen.
 */
import type { ImportProgress } from '../core/import/pipeline/import-paths';
import type { ImportProgressEvent } from '../shared/api';

export function progressBarValue({ done, total }: ImportProgress): number {
  if (total <= 1 || done >= total) return -1;
  return done / total;
}

/**
 * Follows the window's own imports (drag and drop, paste) through their
 * import-progress events: the bar value after each event, or null for a job
 * that did not say its size.
 */
export function jobProgressTracker(): (event: ImportProgressEvent) => number | null {
  const done = new Map<string, number>();
  return (event) => {
    if (event.total === null) return null;
    const count = (done.get(event.jobId) ?? 0) + 1;
    if (count >= event.total) done.delete(event.jobId);
    else done.set(event.jobId, count);
    return progressBarValue({ done: count, total: event.total });
  };
}
