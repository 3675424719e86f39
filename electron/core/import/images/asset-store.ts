/**
 * Images gathered for one article while it is imported, named by content hash
 * (electron/shared/assets.ts): the same picture used twice is stored once,
 * and a name can never be chosen by the page. The type comes from the bytes,
 * not from what the page or a server claimed; anything that is not a known
 * image, or is over the cap, is left out and shown as a placeholder.
 */
import { createHash } from 'node:crypto';
import { ASSET_PREFIX } from '../../../shared/assets';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_ARTICLE_IMAGE_BYTES = 60 * 1024 * 1024;

export interface StoredAsset {
  name: string;
  bytes: Uint8Array;
}

/** The asset extension for an image's bytes, or null when they are not an image Lectern keeps. */
export function imageExtension(bytes: Uint8Array): string | null {
  const starts = (...magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45) return 'webp';
  if (bytes[4] === 0x66 && bytes[5] === 0x74 && bytes[6] === 0x79 && bytes[7] === 0x70) {
    const brand = new TextDecoder('latin1').decode(bytes.subarray(8, 12));
    if (brand === 'avif' || brand === 'avis') return 'avif';
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head))
    return 'svg';
  return null;
}

export class AssetStore {
  readonly #assets = new Map<string, Uint8Array>();
  #bytes = 0;

  /** Stores the image and returns its "assets/<name>" reference, or null when it is refused. */
  add(bytes: Uint8Array): string | null {
    const extension = imageExtension(bytes);
    if (!extension || bytes.byteLength > MAX_IMAGE_BYTES) return null;
    const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${extension}`;
    if (!this.#assets.has(name)) {
      if (this.#bytes + bytes.byteLength > MAX_ARTICLE_IMAGE_BYTES) return null;
      this.#assets.set(name, bytes);
      this.#bytes += bytes.byteLength;
    }
    return `${ASSET_PREFIX}${name}`;
  }

  /** The stored images that `html` still refers to, and the lead image when one is given. */
  usedBy(html: string, leadImage: string | null = null): StoredAsset[] {
    return [...this.#assets]
      .filter(([name]) => html.includes(`${ASSET_PREFIX}${name}`) || leadImage === `${ASSET_PREFIX}${name}`)
      .map(([name, bytes]) => ({ name, bytes }));
  }
}
