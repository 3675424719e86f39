/**
 * Runs work over a list a few items at a time. Bulk imports use it so a
 * 500-file drop keeps at most `limit` files' worth of bytes and DOMs in
 * memory, and the event loop gets a turn between items (DESIGN.md: a DOM
 * library in a tight loop can keep old documents alive).
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
