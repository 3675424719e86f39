/**
 * What the import pool (prepare-pool.ts) asks of a worker (prepare-worker.ts),
 * and the prepareFile options it stands for, the same on either thread.
 */
import type { FileInput } from '../../../shared/api';
import type { PrepareOptions } from '../pipeline/import-file';
import { imagesByAddress, type PageWithImages } from '../images/images-by-address';
import { fetchingWebImages } from '../images/web-images';

export interface PrepareRequest {
  id: number;
  file: FileInput;
  related: Map<string, Uint8Array>;
  /** Whether the page's web images are fetched (see web-images.ts). */
  fetchWebImages: boolean;
  /** Image hosts that may be on a local address: tests' own servers only (see fetchingWebImages). */
  localImageHosts: readonly string[];
  /**
   * For a web clip: the page's address (for relative links and the article's
   * URL) and the images that came with it, looked up by address instead of
   * in `related`.
   */
  page?: PageWithImages;
}

export function prepareOptions({
  related,
  fetchWebImages,
  localImageHosts,
  page,
}: PrepareRequest): PrepareOptions {
  const fetching = fetchingWebImages(fetchWebImages, localImageHosts);
  return page
    ? { localImage: imagesByAddress(page), fetchedFrom: page.url, ...fetching }
    : { related, ...fetching };
}
