/**
 * The picture shown at the head of an article, above its text: the lead
 * image stored with it, unless the text already opens with that picture
 * (most pages', whose lead image is their first), so it is never shown twice
 * in a row. A page's own lead image that its text leaves out is shown, as
 * Pocket and Readwise do.
 */
import { ASSET_PREFIX, firstStoredImage } from '@shared/assets';

/** The stored name (without "assets/") of the picture to show above the text, or null. */
export function headImage(leadImage: string | undefined, html: string): string | null {
  if (!leadImage?.startsWith(ASSET_PREFIX) || leadImage.length === ASSET_PREFIX.length) return null;
  return firstStoredImage(html) === leadImage ? null : leadImage.slice(ASSET_PREFIX.length);
}
