/**
 * Images whose bytes came with a page, found by the address the page gives
 * them: a web clip's image parts. Addresses are compared resolved against
 * the page's own address, so `/img/a.png`, `https://site/img/a.png` and a
 * srcset candidate naming either find the same bytes. The map crosses to an
 * import worker as it is (structured clone); the lookup is built on the side
 * that extracts.
 */
import type { LocalImage } from './localize-images';

/** An image address as a comparable absolute URL, resolved against the page; null if it does not parse. */
export function absoluteAddress(url: string, page: string): string | null {
  return URL.parse(url, page)?.href ?? null;
}

/** A page's address and its images' bytes, by absolute address (absoluteAddress). */
export interface PageWithImages {
  url: string;
  images: ReadonlyMap<string, Uint8Array>;
}

export function imagesByAddress({ url: page, images }: PageWithImages): LocalImage {
  return (src) => {
    const url = absoluteAddress(src, page);
    return (url && images.get(url)) || null;
  };
}
