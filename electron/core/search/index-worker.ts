/**
 * A worker thread of the index pool (index-pool.ts): reads a run of
 * articles and builds their segment of the search index (index-segment.ts),
 * the CPU-heavy part of a rebuild (tag stripping, tokenizing, hashing word
 * pairs), and posts it back with its buffers transferred.
 */
import { parentPort } from 'node:worker_threads';
import { buildSegment, segmentBuffers } from './index-segment';
import type { SegmentRequest } from './index-pool';

parentPort?.on('message', async ({ id, libraryDir, items }: SegmentRequest) => {
  try {
    const built = await buildSegment(libraryDir, items);
    parentPort?.postMessage({ id, built }, segmentBuffers(built.segment));
  } catch (error) {
    parentPort?.postMessage({ id, error: String(error) });
  }
});
