/**
 * Makes an article's images local. Before extraction, every <img> whose
 * bytes are at hand (a data: URI, a file of the saved page's _files folder,
 * a part of an MHTML archive) is stored and pointed at a "lectern-asset:"
 * address: an absolute URL, so neither the base-URL rewrite nor Readability
 * touches it. After extraction those become "assets/<name>", and the
 * remaining web images are fetched when a fetcher is given (online imports).
 * Whatever is still remote is turned into a placeholder by the sanitizer:
 * the reader never loads anything from the web.
 *
 * Saved pages often hold lazy-loaded images: a placeholder in src and the
 * real picture in data-src, or several sizes in srcset / data-srcset. The
 * image stored is the largest candidate whose bytes are at hand (srcset
 * sizes largest first, then data-src and its kin, then src); the tag keeps
 * only that src, so Readability's own lazy-image fix cannot swap the stored
 * picture back for an address that would not load.
 *
 * The rewrite works on the HTML text with a pattern over <img> tags rather
 * than a second DOM parse: the page is parsed once, by the extractor.
 */
import { ASSET_PREFIX } from '../../../shared/assets';
import type { AssetStore } from './asset-store';

const IMG_SRC = /(<img\b[^>]*?\bsrc\s*=\s*)(["'])([^"']*)\2/gi;
const LOCAL_SCHEME = 'lectern-asset:';
const MAX_FETCHED_IMAGES = 40;

export type LocalImage = (src: string) => Uint8Array | null;
export type FetchImage = (url: string) => Promise<Uint8Array | null>;

function unescapeAttribute(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

export function dataUriBytes(src: string): Uint8Array | null {
  const match = /^data:image\/[\w.+-]+(;[^,]*)?,(.*)$/is.exec(src.trim());
  if (!match) return null;
  const payload = match[2] as string;
  return /;base64/i.test(match[1] ?? '')
    ? Uint8Array.from(Buffer.from(payload, 'base64'))
    : new TextEncoder().encode(decodeURIComponent(payload));
}

const IMG_TAG = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const SRCSET_ATTRIBUTES = ['data-srcset', 'srcset'];
const LAZY_SRC_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original'];
/** Attributes that name the picture: replaced by the one src stored. */
const SOURCE_ATTRIBUTES = new Set([...SRCSET_ATTRIBUTES, ...LAZY_SRC_ATTRIBUTES, 'src', 'sizes']);

interface Attribute {
  name: string;
  /** The attribute as written, for copying it unchanged. */
  text: string;
  value: string;
}

function attributesOf(tag: string): Attribute[] {
  const body = tag.slice(4, tag.endsWith('/>') ? -2 : -1);
  return [...body.matchAll(ATTRIBUTE)].map((match) => ({
    name: (match[1] as string).toLowerCase(),
    text: match[0],
    value: unescapeAttribute(match[2] ?? match[3] ?? match[4] ?? ''),
  }));
}

/** A srcset's addresses, largest first (by width, else pixel density). */
export function srcsetCandidates(srcset: string): string[] {
  return srcset
    .split(/(?<=\d[wx])\s*,\s*|,\s+/)
    .map((candidate) => {
      const [url = '', descriptor = '1x'] = candidate.trim().split(/\s+/);
      return { url: url.replace(/,+$/, ''), size: Number.parseFloat(descriptor) || 0 };
    })
    .filter((candidate) => candidate.url)
    .sort((a, b) => b.size - a.size)
    .map((candidate) => candidate.url);
}

/** The image's possible addresses, best first. */
function imageCandidates(attributes: Attribute[]): string[] {
  const value = (name: string) => attributes.find((attribute) => attribute.name === name)?.value.trim();
  return [
    ...SRCSET_ATTRIBUTES.flatMap((name) => srcsetCandidates(value(name) ?? '')),
    ...[...LAZY_SRC_ATTRIBUTES, 'src'].map(value),
  ].filter((url): url is string => !!url);
}

/** The tag pointing at its best image's lectern-asset: address, once stored; null when none is at hand. */
function localizedTag(tag: string, assets: AssetStore, local: LocalImage): string | null {
  const attributes = attributesOf(tag);
  for (const src of imageCandidates(attributes)) {
    const bytes = src.startsWith('data:') ? dataUriBytes(src) : local(src);
    const stored = bytes ? assets.add(bytes) : null;
    if (!stored) continue;
    const kept = attributes.filter((attribute) => !SOURCE_ATTRIBUTES.has(attribute.name));
    const address = `${LOCAL_SCHEME}${stored.slice(ASSET_PREFIX.length)}`;
    return `<img ${[...kept.map((attribute) => attribute.text), `src="${address}"`].join(' ')}>`;
  }
  return null;
}

/**
 * Stores the best image of each <img> found locally and points the tag at its
 * lectern-asset: address. A page with no image at hand, the common case, is
 * returned as it is: copying a whole page costs more than reading its tags.
 */
export function storeLocalImages(html: string, assets: AssetStore, local: LocalImage = () => null): string {
  const parts: string[] = [];
  let copied = 0;
  for (const match of html.matchAll(IMG_TAG)) {
    const tag = localizedTag(match[0], assets, local);
    if (tag === null) continue;
    parts.push(html.slice(copied, match.index), tag);
    copied = match.index + match[0].length;
  }
  if (parts.length === 0) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}

/** Turns lectern-asset: addresses into assets/ ones and fetches the web images, when allowed. */
export async function finishImages(
  html: string,
  assets: AssetStore,
  fetchImage?: FetchImage,
): Promise<string> {
  const remote = new Map<string, string | null>();
  if (fetchImage) {
    for (const match of html.matchAll(IMG_SRC)) {
      const src = unescapeAttribute(match[3] as string);
      if (/^https?:/i.test(src) && remote.size < MAX_FETCHED_IMAGES) remote.set(src, null);
    }
    const queue = [...remote.keys()];
    const worker = async () => {
      for (let src = queue.shift(); src !== undefined; src = queue.shift()) {
        const bytes = await fetchImage(src).catch(() => null);
        remote.set(src, bytes ? assets.add(bytes) : null);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
  }
  return html.replace(IMG_SRC, (whole, start: string, quote: string, raw: string) => {
    const src = unescapeAttribute(raw);
    if (src.startsWith(LOCAL_SCHEME))
      return `${start}${quote}${ASSET_PREFIX}${src.slice(LOCAL_SCHEME.length)}${quote}`;
    if (src.startsWith('data:')) {
      const stored = dataUriBytes(src);
      const reference = stored ? assets.add(stored) : null;
      if (reference) return `${start}${quote}${reference}${quote}`;
    }
    const fetched = remote.get(src);
    return fetched ? `${start}${quote}${fetched}${quote}` : whole;
  });
}
