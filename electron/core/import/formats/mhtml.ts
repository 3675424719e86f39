/**
 * Reads an MHTML file (a browser's single-file save): a MIME multipart/related
 * message whose first text/html part is the page and whose other parts are
 * its resources, each addressed by Content-Location or Content-ID. Parts are
 * decoded from quoted-printable or base64 on demand.
 */
import { LecternError } from '../../../shared/errors';

export interface MhtmlPart {
  type: string;
  charset: string | null;
  location: string | null;
  id: string | null;
  body: Uint8Array;
}

export interface MhtmlMessage {
  page: MhtmlPart;
  /** Resources by absolute Content-Location and by "cid:<id>". */
  resources: Map<string, MhtmlPart>;
}

function headerBlock(text: string): [Map<string, string>, string] {
  const split = text.search(/\r?\n\r?\n/);
  const head = split < 0 ? text : text.slice(0, split);
  const rest = split < 0 ? '' : text.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return [headers, rest];
}

function parameter(header: string, name: string): string | null {
  const match = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

export function decodeQuotedPrintable(text: string): Uint8Array {
  const joined = text.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const char = joined[i] as string;
    const hex = joined.slice(i + 1, i + 3);
    if (char === '=' && /^[0-9a-f]{2}$/i.test(hex)) {
      out.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      out.push(char.charCodeAt(0) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

function decodeBody(body: string, encoding: string): Uint8Array {
  if (encoding === 'base64') return Uint8Array.from(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return latin1Bytes(body);
}

export function parseMhtml(bytes: Uint8Array, name: string): MhtmlMessage {
  // Latin-1 maps each byte to one character, so byte offsets survive.
  const text = new TextDecoder('latin1').decode(bytes);
  const [headers, body] = headerBlock(text);
  const boundary = parameter(headers.get('content-type') ?? '', 'boundary');
  if (!boundary || !/^multipart\//i.test(headers.get('content-type') ?? '')) {
    throw new LecternError(
      'extraction-failed',
      `${name} is not a web archive Lectern can read: it has no parts.`,
    );
  }
  const parts: MhtmlPart[] = [];
  for (const chunk of body.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break;
    const [partHeaders, partBody] = headerBlock(chunk.replace(/^\r?\n/, ''));
    const type = partHeaders.get('content-type') ?? 'text/plain';
    parts.push({
      type: (type.split(';')[0] as string).trim().toLowerCase(),
      charset: parameter(type, 'charset')?.toLowerCase() ?? null,
      location: partHeaders.get('content-location') ?? null,
      id: partHeaders.get('content-id')?.replace(/^<|>$/g, '') ?? null,
      body: decodeBody(
        partBody.replace(/\r?\n$/, ''),
        (partHeaders.get('content-transfer-encoding') ?? '').toLowerCase(),
      ),
    });
  }
  const page = parts.find((part) => part.type === 'text/html');
  if (!page) throw new LecternError('extraction-failed', `${name} holds no web page.`);
  const resources = new Map<string, MhtmlPart>();
  for (const part of parts) {
    if (part === page) continue;
    if (part.location) resources.set(part.location, part);
    if (part.id) resources.set(`cid:${part.id}`, part);
  }
  return { page, resources };
}
