/**
 * Fetches the web images of a dropped page or a clip, the ones it names only
 * by address, so that the article is whole offline.
 * Each fetch is capped (IMAGE_FETCH); an image that fails is left to the
 * sanitizer's placeholder. A dropped page or a clip came from nowhere Lectern
 * knows, so none of its images may be on a local address (fetch-url.ts).
 *
 * Offline, every fetch fails only after a name lookup, and a bulk import
 * would wait on one for every host of every page. So a host that could not
 * be reached is not asked again for RETRY_AFTER_MS, and once OFFLINE_AFTER
 * hosts in a row could not be reached, no image is fetched at all for that
 * long: the import goes on at its offline speed, with placeholders.
 */
import { LecternError } from '../../../shared/errors';
import { fetchUrl, IMAGE_FETCH } from '../pipeline/fetch-url';
import type { FetchImage } from './localize-images';

const RETRY_AFTER_MS = 60_000;
const OFFLINE_AFTER = 3;

export class WebImages {
  readonly #fetchUrl: typeof fetchUrl;
  readonly #now: () => number;
  /** Hosts that could not be reached, with the time they may be asked again. */
  readonly #unreachable = new Map<string, number>();
  #unreachableInARow = 0;
  #offlineUntil = 0;

  constructor(fetch: typeof fetchUrl = fetchUrl, now: () => number = Date.now) {
    this.#fetchUrl = fetch;
    this.#now = now;
  }

  /** The image's bytes, or null when it could not be fetched (or is not tried, being unreachable). */
  readonly fetch: FetchImage = (url) => this.#fetchImage(url, []);

  /** A fetcher that also lets the given hosts be on a local address (fetch-url.ts's localHosts). */
  fetcherAllowing(localHosts: readonly string[]): FetchImage {
    return (url) => this.#fetchImage(url, localHosts);
  }

  async #fetchImage(url: string, localHosts: readonly string[]): Promise<Uint8Array | null> {
    const host = URL.parse(url)?.host;
    if (!host || this.#skips(host)) return null;
    try {
      const { bytes } = await this.#fetchUrl(url, { ...IMAGE_FETCH, localHosts });
      this.#unreachable.delete(host);
      this.#unreachableInARow = 0;
      return bytes;
    } catch (error) {
      if (error instanceof LecternError && error.code === 'unreachable') this.#noteUnreachable(host);
      return null;
    }
  }

  #skips(host: string): boolean {
    const now = this.#now();
    return now < this.#offlineUntil || now < (this.#unreachable.get(host) ?? 0);
  }

  #noteUnreachable(host: string): void {
    // A page's other images on the same host fail at the same time: one host, counted once.
    if (this.#skips(host)) return;
    const retryAt = this.#now() + RETRY_AFTER_MS;
    this.#unreachable.set(host, retryAt);
    this.#unreachableInARow++;
    if (this.#unreachableInARow >= OFFLINE_AFTER) {
      this.#offlineUntil = retryAt;
      this.#unreachableInARow = 0;
    }
  }
}

/** This thread's fetcher: what it learns about unreachable hosts serves every import on it. */
export const webImages = new WebImages();

/**
 * The prepare options that fetch web images with this thread's fetcher, or
 * none when fetching is off. localHosts is for tests only, whose image
 * servers listen on 127.0.0.1 (see ImportServiceOptions).
 */
export function fetchingWebImages(
  on: boolean,
  localHosts: readonly string[] = [],
): { fetchImage?: FetchImage } {
  return on ? { fetchImage: webImages.fetcherAllowing(localHosts) } : {};
}
