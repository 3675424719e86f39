/**
 * A worker thread of the import pool (prepare-pool.ts): runs prepareFile, the
 * CPU-heavy part of an import (parsing, Readability, DOMPurify), so a bulk
 * import uses every core while the main thread checks duplicates and writes.
 * Failures travel back as SerializedError values, the same sentence the
 * in-process pipeline would have thrown.
 */
import { parentPort } from 'node:worker_threads';
import type { FileInput } from '../../shared/api';
import { serializeError } from '../../shared/errors';
import { logUnexpected } from '../log';
import { prepareFile } from './import-file';

export interface PrepareRequest {
  id: number;
  file: FileInput;
  related: Map<string, Uint8Array>;
}

// Tells the pool the script loaded: a worker lost after this fails only its file.
parentPort?.postMessage({ ready: true });

parentPort?.on('message', async ({ id, file, related }: PrepareRequest) => {
  try {
    parentPort?.postMessage({ id, article: await prepareFile(file, { related }) });
  } catch (error) {
    logUnexpected(error);
    parentPort?.postMessage({ id, error: serializeError(error) });
  }
});
