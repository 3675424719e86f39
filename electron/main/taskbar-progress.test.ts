import { describe, expect, it } from 'vitest';
import type { ImportProgressEvent } from '../shared/api';
import { jobProgressTracker, progressBarValue } from './taskbar-progress';
import { itReturns } from '../shared/testing/returns';

describe('progressBarValue', () => {
  itReturns(progressBarValue, 'shows %j as %d', [
    [{ done: 0, total: 4 }, 0],
    [{ done: 1, total: 4 }, 0.25],
    [{ done: 3, total: 4 }, 0.75],
    [{ done: 4, total: 4 }, -1],
    [{ done: 0, total: 1 }, -1],
    [{ done: 0, total: 0 }, -1],
  ]);
});

describe('jobProgressTracker', () => {
  const event = (jobId: string, total: number | null): ImportProgressEvent => ({
    type: 'import-progress',
    jobId,
    total,
    outcome: { status: 'failed', input: 'x', error: { code: 'cancelled', message: 'x' } },
  });

  it('counts each job on its own and clears the bar when a job ends', () => {
    const next = jobProgressTracker();
    expect(next(event('a', 4))).toBe(0.25);
    expect(next(event('b', 2))).toBe(0.5);
    expect(next(event('a', 4))).toBe(0.5);
    expect(next(event('a', 4))).toBe(0.75);
    expect(next(event('a', 4))).toBe(-1);
    expect(next(event('b', 2))).toBe(-1);
  });

  it('leaves the bar alone for a job that did not say its size', () => {
    expect(jobProgressTracker()(event('a', null))).toBeNull();
  });
});
