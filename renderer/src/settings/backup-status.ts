/** The Settings page's line on the last scheduled backup, in words. */
import type { BackupResult } from '@shared/settings';

const MB = 1024 * 1024;

export function backupSize(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function backupStatus(last: BackupResult | null, locale?: string): string {
  if (!last) return 'No backup has been made yet.';
  const when = new Date(last.at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return last.ok
    ? `Last backup ${when}: ${backupSize(last.bytes)}, ${last.path}`
    : `The backup at ${when} failed: ${last.error}`;
}
