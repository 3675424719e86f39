/**
 * Fetches, after the import, the web images an article could not keep then:
 * it was imported offline, or a host did not answer. The sanitizer leaves
 * each such image as a placeholder holding its address (sanitize.ts). Here
 * those placeholders become <img> tags again and go through the import's own
 * image step and sanitizer, so a picture still out of reach comes back as the
 * same placeholder, and an edited library file is cleaned like any page.
 * Neither a placeholder nor an image holds text, so the article's text, and
 * every highlight's place in it, stays as it was.
 */
import { firstStoredImage } from '../../../shared/assets';
import { AssetStore, type StoredAsset } from './asset-store';
import { finishImages, type FetchImage } from './localize-images';
import { MISSING_IMAGE_LABEL, sanitizeHtml } from '../pipeline/sanitize';

export interface FetchedImages {
  /** The article's content with every image that could be fetched in place. */
  html: string;
  /** The images to add to the article's assets/. */
  assets: StoredAsset[];
  /** The first picture the article now shows, as "assets/<name>". */
  leadImage: string | null;
  fetched: number;
  /** Images still missing that have a web address to try again. */
  missing: number;
}

const PLACEHOLDER = /<span\b[^>]*\bdata-missing-image="(https?:\/\/[^"]+)"[^>]*>\s*<\/span>/gi;
const LABEL = /\baria-label="([^"]*)"/i;

/** How many of the content's missing images have a web address to fetch them from. */
export function missingWebImages(html: string): number {
  return [...html.matchAll(PLACEHOLDER)].length;
}

/** Each placeholder with an address as the <img> it stood for; attribute text stays escaped as it was. */
function revived(html: string): string {
  return html.replace(PLACEHOLDER, (placeholder, src: string) => {
    const label = LABEL.exec(placeholder)?.[1] ?? '';
    const alt = label.startsWith(`${MISSING_IMAGE_LABEL}: `)
      ? label.slice(MISSING_IMAGE_LABEL.length + 2)
      : '';
    return `<img src="${src}" alt="${alt}">`;
  });
}

export async function fetchMissingImages(html: string, fetchImage: FetchImage): Promise<FetchedImages> {
  const before = missingWebImages(html);
  const assets = new AssetStore();
  const finished = await finishImages(revived(html), assets, fetchImage);
  const cleaned = sanitizeHtml(finished).html;
  const missing = missingWebImages(cleaned);
  return {
    html: cleaned,
    assets: assets.usedBy(cleaned),
    leadImage: firstStoredImage(cleaned),
    fetched: before - missing,
    missing,
  };
}
