/**
 * Runs work over a list a few items at a time. Bulk imports use it so a
 * 500-file drop keeps at most `limit` files' worth of bytes and DOMs in
 * memory, and the event loop gets a turn between items (DESIGN.md: a DOM
 * library in a tight loop can keep old documents alive).
 */
import { mapBounded as mapAtMost, yieldToEventLoop } from '../../../shared/async';

export function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  return mapAtMost(items, limit, async (item, index) => {
    const result = await work(item, index);
    await yieldToEventLoop();
    return result;
  });
}
