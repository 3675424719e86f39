/**
 * What the import pool (prepare-pool.ts) asks of a worker (prepare-worker.ts),
 * and the prepareFile options it stands for, the same on either thread.
 */
import type { FileInput } from '../../../shared/api';
import type { PrepareOptions } from '../pipeline/import-file';
import { fetchingWebImages } from '../images/web-images';

export interface PrepareRequest {
  id: number;
  file: FileInput;
  related: Map<string, Uint8Array>;
  /** Whether the page's web images are fetched (see web-images.ts). */
  fetchWebImages: boolean;
  /** Image hosts that may be on a local address: tests' own servers only (see fetchingWebImages). */
  localImageHosts: readonly string[];
}

export function prepareOptions({ related, fetchWebImages, localImageHosts }: PrepareRequest): PrepareOptions {
  return { related, ...fetchingWebImages(fetchWebImages, localImageHosts) };
}
