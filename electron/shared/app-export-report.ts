/**
 * The report of an import from another app, in words: the same lines for
 * the command line, the window's summary and the file a person saves, so
 * all three say the same thing. Pure; the counts come from the backend.
 */
import type { AppExportReport, LinkQueueStatus } from './api/import';

/** Each app's name as people know it, and where its export is found. */
export const APP_EXPORTS: { service: string; name: string; where: string }[] = [
  {
    service: 'pocket',
    name: 'Pocket',
    where: 'The zip (or ril_export.html) from getpocket.com/export, as Pocket emailed it.',
  },
  {
    service: 'instapaper',
    name: 'Instapaper',
    where: 'Settings › Export › Download .CSV file on instapaper.com.',
  },
  { service: 'omnivore', name: 'Omnivore', where: 'The export zip Omnivore emailed before it closed.' },
  {
    service: 'wallabag',
    name: 'wallabag',
    where: 'Export › JSON at the bottom of any list on your wallabag.',
  },
  {
    service: 'readwise',
    name: 'Readwise',
    where: 'readwise.io/export › Export to CSV (highlights), or Reader’s library CSV.',
  },
  {
    service: 'raindrop',
    name: 'Raindrop.io',
    where: 'Settings › Backups or Export › CSV on app.raindrop.io.',
  },
  {
    service: 'netscape',
    name: 'Browser bookmarks',
    where:
      'Export bookmarks to HTML from Chrome, Firefox, Safari or Edge; or Firefox’s JSON backup, or Chrome’s Bookmarks file.',
  },
];

/** The name people know a service by ("readwise-reader" → "Readwise Reader"). */
export function appName(service: string): string {
  const names: Record<string, string> = {
    'readwise-reader': 'Readwise Reader',
    firefox: 'Firefox bookmarks',
    chrome: 'Chrome bookmarks',
  };
  return names[service] ?? APP_EXPORTS.find((app) => app.service === service)?.name ?? service;
}

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** One line of counts: "12 added, 3 already in the library, 9 links to fetch, 1 failed". */
export function reportCounts(report: AppExportReport): string {
  const parts = [`${report.added.toLocaleString('en-US')} added`];
  if (report.merged > 0)
    parts.push(`${report.merged.toLocaleString('en-US')} already in the library (merged)`);
  if (report.pending > 0) parts.push(plural(report.pending, 'link to fetch', 'links to fetch'));
  if (report.failed > 0) parts.push(`${report.failed.toLocaleString('en-US')} failed`);
  const highlights = report.highlightsPlaced + report.highlightsOrphaned;
  if (highlights > 0) {
    parts.push(
      `${plural(highlights, 'highlight', 'highlights')}` +
        (report.highlightsOrphaned > 0
          ? ` (${report.highlightsOrphaned.toLocaleString('en-US')} to place)`
          : ''),
    );
  }
  return parts.join(', ');
}

/** Where a failure was: "pocket.zip › part_000000.csv, line 3". */
export function failurePlace(failure: { file: string; at?: string }): string {
  return failure.at ? `${failure.file}, ${failure.at}` : failure.file;
}

/** The whole report as lines of text: the counts, then every failure, then the links that could not be fetched. */
export function reportLines(report: AppExportReport, queue?: LinkQueueStatus | null): string[] {
  const lines = [`${appName(report.service)} export ${report.file}: ${reportCounts(report)}.`];
  for (const failure of report.failures) lines.push(`failed     ${failurePlace(failure)}: ${failure.reason}`);
  if (queue && queue.total > 0) {
    lines.push(
      `Links: ${queue.fetched.toLocaleString('en-US')} fetched, ${queue.failed.toLocaleString('en-US')} kept as links, ` +
        `${(queue.total - queue.done).toLocaleString('en-US')} waiting.`,
    );
    for (const failure of queue.failures)
      lines.push(`kept link  ${failure.title} (${failure.url}): ${failure.reason}`);
  }
  return lines;
}
