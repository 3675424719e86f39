/**
 * A worker thread of the import pool (prepare-pool.ts): runs prepareFile, the
 * CPU-heavy part of an import (parsing, Readability, sanitizing), so a bulk
 * import uses every core while the main thread checks duplicates and writes.
 * Asked to, it also fetches the page's web images, keeping its own record of
 * the hosts it could not reach (web-images.ts). Failures travel back as
 * SerializedError values, the same sentence the in-process pipeline would
 * have thrown.
 */
import { parentPort } from 'node:worker_threads';
import { serializeError } from '../../../shared/errors';
import { logUnexpected } from '../../log';
import { prepareFile } from '../pipeline/import-file';
import { prepareOptions, type PrepareRequest } from './prepare-request';

// Tells the pool the script loaded: a worker lost after this fails only its file.
parentPort?.postMessage({ ready: true });

parentPort?.on('message', async (request: PrepareRequest) => {
  const { id, file } = request;
  try {
    parentPort?.postMessage({ id, article: await prepareFile(file, prepareOptions(request)) });
  } catch (error) {
    logUnexpected(error);
    parentPort?.postMessage({ id, error: serializeError(error) });
  }
});
