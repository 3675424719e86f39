import { describe, expect, it } from 'vitest';
import type { AppInfo, ExportRequest } from '@shared/api';
import { LecternError } from '@shared/errors';
import { fakeClient } from '../testing/fake-client';
import { ExportDialogState } from './export-dialog.svelte';

const info = { exportFolder: '/home/ada/Downloads/Lectern exports' } as AppInfo;
const today = () => Date.parse('2026-12-03T10:00:00Z');

describe('ExportDialogState', () => {
  it('suggests a path in the export folder that follows the format until edited', async () => {
    const state = new ExportDialogState(fakeClient({ getAppInfo: async () => info }), today);
    await state.show({ label: '2 selected articles', ids: ['a', 'b'] });
    expect(state.path).toBe('/home/ada/Downloads/Lectern exports/Markdown');
    state.chooseFormat('readwise');
    expect(state.path).toBe('/home/ada/Downloads/Lectern exports/lectern-readwise-2026-12-03.csv');
    state.setPath('/tmp/mine.csv');
    state.chooseFormat('bookmarks');
    expect(state.path).toBe('/tmp/mine.csv');
  });

  it('exports the scope’s ids or query, shows progress, then the outcome', async () => {
    const requests: ExportRequest[] = [];
    let finish: () => void = () => {};
    const api = fakeClient({
      getAppInfo: async () => info,
      exportArticles: async (request, job) => {
        requests.push(request);
        api.emit({ type: 'export-progress', jobId: job?.jobId ?? '', done: 1, total: 2 });
        await new Promise<void>((resolve) => (finish = resolve));
        return { format: request.format, out: request.out, articles: 2, written: 2, skipped: [] };
      },
    });
    const state = new ExportDialogState(api, today);
    await state.show({ label: 'Inbox: 2 articles', query: 'is:inbox' });
    const running = state.start();
    expect(state.phase).toBe('running');
    expect([state.progress.done, state.progress.total, state.progress.percent]).toEqual([1, 2, 50]);
    finish();
    await running;
    expect(requests).toEqual([
      { format: 'markdown', out: `${info.exportFolder}/Markdown`, query: 'is:inbox' },
    ]);
    expect(state.phase).toBe('done');
    expect(state.outcome?.articles).toBe(2);
  });

  it('cancels a running export and ignores its late answer', async () => {
    const cancelled: string[] = [];
    const api = fakeClient({
      getAppInfo: async () => info,
      exportArticles: () =>
        new Promise((_, reject) =>
          setTimeout(() => reject(new LecternError('cancelled', 'The export was cancelled.')), 0),
        ),
      cancelExport: async (jobId) => void cancelled.push(jobId),
    });
    const state = new ExportDialogState(api, today);
    await state.show({ label: 'The whole library' });
    const running = state.start();
    await state.cancel();
    await running;
    expect(cancelled).toHaveLength(1);
    expect(state.phase).toBe('choosing');
    expect(state.error).toBe('');
  });

  it('shows why an export failed', async () => {
    const api = fakeClient({
      getAppInfo: async () => info,
      exportArticles: async () => {
        throw new LecternError('invalid-argument', '/nope cannot be written.');
      },
    });
    const state = new ExportDialogState(api, today);
    await state.show({ label: 'The whole library' });
    await state.start();
    expect(state.phase).toBe('failed');
    expect(state.error).toContain('/nope');
  });
});
