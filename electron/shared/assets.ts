/**
 * Article assets (images kept for offline reading) live flat in
 * articles/<id>/assets/ under content-hash names, and content.html refers to
 * them as "assets/<name>". Serving refuses any other name, so no request can
 * name a path: there are no folders, dots or slashes to traverse with.
 */
export const ASSET_PREFIX = 'assets/';

const FIRST_STORED_IMAGE = new RegExp(`<img\\b[^>]*?\\ssrc="(${ASSET_PREFIX}[^"]+)"`, 'i');

/** The "assets/<name>" of the first stored picture an article's HTML shows, if any. */
export function firstStoredImage(html: string): string | null {
  return FIRST_STORED_IMAGE.exec(html)?.[1] ?? null;
}

const ASSET_NAME = /^[0-9a-f]{16,64}\.(png|jpg|gif|webp|avif|svg)$/;

export const ASSET_MIME_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

export function isAssetName(name: string): boolean {
  return ASSET_NAME.test(name);
}

export function assetMimeType(name: string): string {
  return ASSET_MIME_TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}

/**
 * Served assets are images, but one opened directly (an SVG, say) must not be
 * able to run anything in the app's origin: a sandboxed, script-free policy.
 */
export const ASSET_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
