import { describe, expect, it } from 'vitest';
import { progressBarValue } from './taskbar-progress';

describe('progressBarValue', () => {
  it.each([
    [{ done: 0, total: 4 }, 0],
    [{ done: 1, total: 4 }, 0.25],
    [{ done: 3, total: 4 }, 0.75],
    [{ done: 4, total: 4 }, -1],
    [{ done: 0, total: 1 }, -1],
    [{ done: 0, total: 0 }, -1],
  ])('shows %j as %d', (progress, expected) => {
    expect(progressBarValue(progress)).toBe(expected);
  });
});
