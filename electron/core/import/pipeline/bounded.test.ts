import { describe, expect, it } from 'vitest';
import { mapBounded } from './bounded';

describe('mapBounded', () => {
  it.each([1, 3, 4])('never runs more than %i at once, and keeps the order of results', async (limit) => {
    let running = 0;
    let most = 0;
    const results = await mapBounded(
      Array.from({ length: 40 }, (_, i) => i),
      limit,
      async (n) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, n % 3));
        running--;
        return n * 2;
      },
    );
    expect(most).toBe(limit);
    expect(results).toEqual(Array.from({ length: 40 }, (_, i) => i * 2));
  });

  it('handles an empty list', async () => {
    expect(await mapBounded([], 3, async () => 1)).toEqual([]);
  });
});
