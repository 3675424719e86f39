/**
 * Link files that desktops save when a link is dragged to a folder: Windows'
 * .url (an INI file), macOS' .webloc (a property list, XML or binary) and
 * freedesktop .desktop entries of Type=Link. Each holds one address.
 */
import { LecternError } from '../../../shared/errors';

function httpUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function readLinkFile(bytes: Uint8Array, name: string, extension: string): string {
  const text = new TextDecoder('latin1').decode(bytes);
  // XML plists hold <key>URL</key><string>…</string>; binary ones keep the
  // ASCII string as it is, so the address is found by its shape.
  const url =
    extension === 'webloc'
      ? (httpUrl(/<key>URL<\/key>\s*<string>([^<]+)<\/string>/i.exec(text)?.[1]?.replace(/&amp;/g, '&')) ??
        httpUrl(/https?:\/\/[\x21-\x7e]+/.exec(text)?.[0]))
      : httpUrl(/^\s*URL\s*=\s*(.+)$/im.exec(text)?.[1]);
  if (!url) {
    throw new LecternError(
      'unsupported-type',
      `${name} is a link file, but it holds no web address Lectern can open.`,
    );
  }
  return url;
}
