/**
 * The taskbar (Windows, Linux with Unity launchers) or dock (macOS) progress
 * during a bulk import, as BrowserWindow.setProgressBar takes it: a fraction
 * while files remain, -1 to remove the bar. A single file shows no bar: it
 * is over before the bar would be seen.
 */
import type { ImportProgress } from '../core/import/import-paths';

export function progressBarValue({ done, total }: ImportProgress): number {
  if (total <= 1 || done >= total) return -1;
  return done / total;
}
