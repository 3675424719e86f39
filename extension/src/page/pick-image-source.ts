/**
 * Which address an image in a clipped page should be saved from. Pages that
 * lazy-load keep the real address in data-src or data-srcset and show a
 * placeholder until the image scrolls into view; responsive pages list many
 * sizes in srcset. The clip is read later on any screen, so it takes the
 * largest candidate up to a reading size (MAX_WIDTH, or 2x density) rather
 * than whatever the current viewport happened to load, and never a
 * placeholder. Pure: it reads attributes through a callback, so the same rule
 * applies to live images and to cloned selections.
 */

/** Wider candidates than this add bytes but nothing a reader shows. */
const MAX_WIDTH = 2048;
const MAX_DENSITY = 2;

/** Attributes lazy-loading scripts keep the real address in, most specific first. */
const LAZY_SRC_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url'] as const;
const LAZY_SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset'] as const;

/** Every attribute that may name an image's source; the clip keeps only `src`. */
export const IMAGE_SOURCE_ATTRIBUTES = [
  'srcset',
  'sizes',
  'loading',
  ...LAZY_SRC_ATTRIBUTES,
  ...LAZY_SRCSET_ATTRIBUTES,
] as const;

export interface ImageSourceInput {
  attribute(name: string): string | null;
  /** srcset values of the `<source>` elements of an enclosing `<picture>`, in order. */
  pictureSrcsets?: readonly string[];
  /** What the browser displays now (img.currentSrc), when known. */
  currentSrc?: string;
  baseUrl: string;
}

interface Candidate {
  url: string;
  width?: number;
  density?: number;
}

/**
 * Parses a srcset value into its candidates, the way the HTML standard does:
 * a URL is a run of non-space characters (so data: URLs keep their commas),
 * and its descriptor runs to the next comma.
 */
export function parseSrcset(srcset: string): Candidate[] {
  const candidates: Candidate[] = [];
  let position = 0;
  while (position < srcset.length) {
    while (position < srcset.length && /[\s,]/.test(srcset[position] as string)) position++;
    if (position >= srcset.length) break;
    let end = position;
    while (end < srcset.length && !/\s/.test(srcset[end] as string)) end++;
    let url = srcset.slice(position, end);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
      position = end;
    } else {
      const comma = srcset.indexOf(',', end);
      const stop = comma === -1 ? srcset.length : comma;
      descriptor = srcset.slice(end, stop).trim();
      position = stop + 1;
    }
    const width = /^(\d+)w$/i.exec(descriptor);
    const density = /^(\d*\.?\d+)x$/i.exec(descriptor);
    if (width) candidates.push({ url, width: Number(width[1]) });
    else candidates.push({ url, density: density ? Number(density[1]) : 1 });
  }
  return candidates;
}

/** The candidate to save: the largest within reading size, else the smallest above it. */
function bestCandidate(candidates: readonly Candidate[]): Candidate | undefined {
  const size = (candidate: Candidate) =>
    candidate.width !== undefined ? candidate.width / MAX_WIDTH : (candidate.density ?? 1) / MAX_DENSITY;
  const sorted = [...candidates].sort((a, b) => size(a) - size(b));
  const within = sorted.filter((candidate) => size(candidate) <= 1);
  return within.at(-1) ?? sorted[0];
}

/** A tiny inline GIF or SVG, or an empty value: what lazy loaders show before the real image. */
export function isPlaceholder(value: string | null | undefined): boolean {
  if (value === null || value === undefined || value.trim() === '' || value.trim() === '#') return true;
  return /^data:/i.test(value.trim()) && value.length < 512;
}

function absolute(url: string, baseUrl: string): string | null {
  try {
    return new URL(url.trim(), baseUrl).href;
  } catch {
    return null;
  }
}

/**
 * The address to save the image from, absolute, or null when the image has
 * nothing but a placeholder. data: images are returned as they are: their
 * bytes are already in the page.
 */
export function pickImageSource(input: ImageSourceInput): string | null {
  const srcsets = [
    ...LAZY_SRCSET_ATTRIBUTES.map((name) => input.attribute(name)),
    input.attribute('srcset'),
    ...(input.pictureSrcsets ?? []),
  ];
  for (const srcset of srcsets) {
    if (!srcset) continue;
    const best = bestCandidate(parseSrcset(srcset).filter((candidate) => !isPlaceholder(candidate.url)));
    if (best) return absolute(best.url, input.baseUrl);
  }
  for (const name of LAZY_SRC_ATTRIBUTES) {
    const value = input.attribute(name);
    if (!isPlaceholder(value)) return absolute(value as string, input.baseUrl);
  }
  for (const value of [input.currentSrc, input.attribute('src')]) {
    if (!isPlaceholder(value)) return absolute(value as string, input.baseUrl);
  }
  return null;
}
