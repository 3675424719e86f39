/**
 * File names for exported articles that every file system takes: Windows
 * forbids <>:"/\|?* and control characters, names ending in a dot or a
 * space, and the device names (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with any
 * extension); macOS and Linux cap a name at 255 bytes; a leading dot hides a
 * file. A name is the title, made safe and cut to MAX_STEM_BYTES of UTF-8
 * on a character boundary, then the article's short id: unique in the
 * library in practice and stable from one export to the next, so a re-export
 * finds its own file again even when the title changed.
 */

// Control characters are forbidden on Windows and break shells everywhere.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
/** Leaves room for " (id).ext" and a temp-file prefix under the 255-byte limit. */
export const MAX_STEM_BYTES = 180;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export function safeFileStem(title: string): string {
  let stem = title.normalize('NFC').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(stem);
  while (bytes(chars.join('')) > MAX_STEM_BYTES) chars.pop();
  stem = chars.join('').replace(/^[. ]+|[. ]+$/g, '');
  if (stem === '') return 'Untitled';
  return RESERVED.test(stem) ? `_${stem}` : stem;
}

/** The short id in a file name: the random part of an article id. */
export const shortId = (id: string) => id.slice(-8);

export function articleFileName(title: string, id: string, extension: string): string {
  return `${safeFileStem(title)} (${shortId(id)}).${extension}`;
}

/** The short id an exported file's name ends with, or null for a file Lectern did not name. */
export function shortIdOf(fileName: string, extension: string): string | null {
  const match = new RegExp(`\\(([0-9a-z]{8})\\)\\.${extension}$`).exec(fileName);
  return match ? (match[1] as string) : null;
}
