/**
 * Bytes to text. A byte-order mark wins; then, for HTML, the charset the page
 * declares in its first 1024 bytes (as browsers pre-scan); otherwise the bytes
 * must be valid UTF-8. Guessing a legacy encoding for undeclared bytes would
 * store mojibake silently, so it is refused with a message instead.
 *
 * A page that declares a charset no browser knows (a typo such as "ut" for
 * "utf-8") is read as browsers read it, by ignoring the label: UTF-8 when the
 * bytes are valid UTF-8, else windows-1252, the web's legacy default, where
 * every byte means something. The page asked for a decoding, so the text
 * it gets is the one a browser would have shown, not a refusal.
 */
import { LecternError } from '../../../shared/errors';

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i;

/** The charset an HTML document declares in its head, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return (META_CHARSET.exec(head) ?? XML_ENCODING.exec(head))?.[1]?.toLowerCase() ?? null;
}

// What windows-1252 maps bytes 0x80-0x9F to (WHATWG Encoding). Node 20.18.3+
// and 22.13+ decode that range as Latin-1 control characters instead
// (nodejs/node#60888), which would turn every curly quote into an invisible one.
const WINDOWS_1252_C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return null;
  }
}

function decodeStrict(bytes: Uint8Array, label: string, name: string): string {
  const decoder = decoderFor(label);
  if (!decoder) {
    throw new LecternError(
      'invalid-encoding',
      `${name} declares the character set “${label}”, which Lectern cannot read.`,
    );
  }
  return decodeWith(decoder, bytes, label, name);
}

function decodeWith(decoder: TextDecoder, bytes: Uint8Array, label: string, name: string): string {
  try {
    const text = decoder.decode(bytes);
    if (decoder.encoding !== 'windows-1252') return text;
    return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] as string);
  } catch {
    throw new LecternError(
      'invalid-encoding',
      label === 'utf-8'
        ? `${name} is not valid UTF-8 text, so Lectern cannot read it without garbling it. Save it as UTF-8 and drop it again.`
        : `${name} is not valid ${label} text, as it claims to be. Nothing was saved.`,
    );
  }
}

export function decodeText(bytes: Uint8Array, name: string): string {
  return decodeStrict(bytes, bomEncoding(bytes) ?? 'utf-8', name);
}

/** UTF-8 when the bytes are valid UTF-8, else windows-1252, for a page whose declared charset is unknown. */
function decodeUnlabelled(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeStrict(bytes, 'windows-1252', name);
  }
}

/**
 * An HTML page's text. `transportCharset` is what the page's container says
 * (an MHTML part's Content-Type); the page's own declaration wins over it.
 *
 * A page whose bytes do not fit the charset it declares (a page saved as
 * UTF-8 that still says gb2312) is shown by browsers, so it is read, not
 * refused: valid UTF-8 wins, as it cannot happen by chance in legacy
 * text; otherwise the declared charset with U+FFFD for the bytes that do not
 * fit, and a sentence saying so goes to `notices`.
 */
export function decodeHtml(
  bytes: Uint8Array,
  name: string,
  transportCharset?: string | null,
  notices: string[] = [],
): string {
  const bom = bomEncoding(bytes);
  if (bom) return decodeStrict(bytes, bom, name);
  const declared = declaredCharset(bytes) ?? transportCharset?.trim().toLowerCase() ?? null;
  // A page saved as UTF-8 often still says utf-16 in its meta tag (browsers
  // rewrite the bytes, not the tag); without a BOM it cannot be UTF-16.
  if (!declared || declared.startsWith('utf-16')) return decodeStrict(bytes, 'utf-8', name);
  const decoder = decoderFor(declared);
  if (!decoder) return decodeUnlabelled(bytes, name);
  try {
    return decodeWith(decoder, bytes, declared, name);
  } catch {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      notices.push(
        `${name} is not valid ${declared} text, as it claims to be: the characters that did not fit are shown as �.`,
      );
      return new TextDecoder(declared).decode(bytes);
    }
  }
}
