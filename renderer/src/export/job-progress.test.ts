import { describe, expect, it } from 'vitest';
import { fakeClient } from '../testing/fake-client';
import { JobProgress } from './job-progress.svelte';

describe('JobProgress', () => {
  it('follows the one job it is told to, from nothing done', () => {
    const api = fakeClient({});
    const progress = new JobProgress(api);
    progress.follow('export-1');
    api.emit({ type: 'export-progress', jobId: 'export-1', done: 3, total: 4 });
    expect([progress.done, progress.total, progress.percent]).toEqual([3, 4, 75]);

    progress.follow('export-2');
    expect([progress.done, progress.total, progress.percent]).toEqual([0, 0, 0]);
    api.emit({ type: 'export-progress', jobId: 'export-1', done: 4, total: 4 });
    expect(progress.done).toBe(0);
  });
});
