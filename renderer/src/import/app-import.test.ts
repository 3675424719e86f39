import type { AppExportReport, LinkQueueStatus } from '@shared/api';
import { LecternError } from '@shared/errors';
import { describe, expect, it, vi } from 'vitest';
import { fakeClient } from '../testing/fake-client';
import { Notices } from '../ui/notices.svelte';
import { Importer } from './importer.svelte';

const report: AppExportReport = {
  service: 'pocket',
  file: 'pocket.zip',
  added: 2,
  merged: 0,
  pending: 2,
  failed: 1,
  highlightsPlaced: 0,
  highlightsOrphaned: 1,
  failures: [{ file: 'pocket.zip › part_000000.csv', at: 'line 3', reason: 'it has no address' }],
};
const queue = (extra: Partial<LinkQueueStatus> = {}): LinkQueueStatus => ({
  total: 2,
  done: 0,
  fetched: 0,
  failed: 0,
  paused: false,
  running: true,
  failures: [],
  ...extra,
});
const file = (name: string, text = 'x') => new File([text], name);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(detected: string | null) {
  const notices = new Notices();
  const calls = {
    importAppExport: vi.fn(() => Promise.resolve(report)),
    importFiles: vi.fn(() => Promise.resolve([])),
  };
  const api = fakeClient({
    ...calls,
    detectAppExport: () => Promise.resolve(detected),
    linkQueueStatus: () => Promise.resolve(queue()),
    pauseLinkQueue: (paused) => Promise.resolve(queue({ paused })),
  });
  const importer = new Importer(api, notices, { openArticle: vi.fn() });
  return { api, calls, notices, importer, apps: importer.apps };
}

describe('AppImport', () => {
  it('routes a dropped export to the export import, and shows its report and the queue', async () => {
    const { calls, apps, importer } = setup('pocket');
    await importer.add(
      { kind: 'files', files: Promise.resolve([{ file: file('pocket.zip'), path: 'pocket.zip' }]) },
      'tell',
    );
    expect(calls.importAppExport).toHaveBeenCalledOnce();
    expect(calls.importFiles).not.toHaveBeenCalled();
    expect(apps.report).toEqual(report);
    expect(apps.queue?.running).toBe(true);
    expect(apps.reportText()).toContain('pocket.zip › part_000000.csv, line 3: it has no address');
  });

  it('imports a dropped page as a page when the backend says it is no export', async () => {
    const { calls, importer } = setup(null);
    await importer.add(
      { kind: 'files', files: Promise.resolve([{ file: file('page.html'), path: 'page.html' }]) },
      'tell',
    );
    expect(calls.importAppExport).not.toHaveBeenCalled();
    expect(calls.importFiles).toHaveBeenCalledOnce();
  });

  it('imports a dropped zip that only looked like an export as a file, so the drop names what it is', async () => {
    const { calls, importer, notices } = setup('zip');
    calls.importAppExport.mockImplementation(() =>
      Promise.reject(new LecternError('invalid-argument', 'archive.zip is not an export Lectern knows.')),
    );
    await importer.add(
      { kind: 'files', files: Promise.resolve([{ file: file('archive.zip'), path: 'archive.zip' }]) },
      'tell',
    );
    expect(calls.importAppExport).toHaveBeenCalledOnce();
    expect(calls.importFiles).toHaveBeenCalledOnce();
    expect(notices.items.filter((notice) => notice.title === 'The export could not be imported')).toEqual([]);
  });

  it('follows the queue’s events, pauses it, and tells when it has emptied', async () => {
    const { api, apps, notices } = setup(null);
    await settle();
    await apps.pause(true);
    expect(apps.queue?.paused).toBe(true);
    api.emit({ type: 'link-queue', status: queue({ done: 1, fetched: 1 }) });
    expect(apps.queue?.done).toBe(1);
    api.emit({
      type: 'link-queue',
      status: queue({
        done: 2,
        fetched: 1,
        failed: 1,
        running: false,
        failures: [{ id: 'x', title: 'Gone', url: 'https://g.example/', reason: 'not found' }],
      }),
    });
    expect(notices.items).toMatchObject([
      { title: 'The imported links are fetched', lines: ['1 saved, 1 kept as links.', 'Gone: not found'] },
    ]);
  });
});
