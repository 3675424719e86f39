/**
 * A small multipart/form-data parser for the clip endpoint, over a body that
 * was already read whole under its cap (MAX_CLIP_BYTES): the parts are views
 * into that one buffer, so parsing copies no image bytes. Bounded besides:
 * at most MAX_PARTS parts, each with at most MAX_PART_HEADER_BYTES of
 * headers. Streaming would save holding the body, but a clip is at most
 * 64 MB and arrives one at a time, and the whole-buffer parser is a page of
 * code with nothing to get wrong between chunks.
 */
import { LecternError } from '../../shared/errors';

export const MAX_PARTS = 1100;
export const MAX_PART_HEADER_BYTES = 8 * 1024;

export interface Part {
  name: string;
  filename: string | null;
  contentType: string | null;
  data: Buffer;
}

function malformed(why: string): LecternError {
  return new LecternError('invalid-argument', `Lectern could not read the clip: ${why}.`);
}

/** The boundary a multipart Content-Type names (RFC 2046: 1 to 70 characters). */
export function boundaryOf(contentType: string): string {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s"]{1,70}))\s*(?:;|$)/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw malformed('its multipart boundary is missing');
  return boundary;
}

function headersOf(block: string): Omit<Part, 'data'> {
  let disposition = '';
  let contentType: string | null = null;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw malformed('a part has a header line without a name');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition') disposition = value;
    else if (name === 'content-type') contentType = value;
  }
  if (!/^form-data\s*(?:;|$)/i.test(disposition)) throw malformed('a part is not form data');
  const param = (key: string) => new RegExp(`;\\s*${key}="([^"]*)"`, 'i').exec(disposition)?.[1] ?? null;
  const name = param('name');
  if (!name) throw malformed('a part has no name');
  return { name, filename: param('filename'), contentType };
}

export function parseMultipart(body: Buffer, contentType: string): Part[] {
  const boundary = boundaryOf(contentType);
  const first = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // A preamble before the first boundary is allowed, and ignored.
  let position = body.subarray(0, first.length).equals(first) ? 0 : body.indexOf(delimiter);
  if (position < 0) throw malformed('it holds no part');
  position += position === 0 ? first.length : delimiter.length;
  const parts: Part[] = [];
  const names = new Set<string>();
  for (;;) {
    const after = body.toString('latin1', position, position + 2);
    if (after === '--') return parts;
    if (after !== '\r\n') throw malformed('a boundary is followed by something else');
    const headerStart = position + 2;
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd < 0 || headerEnd - headerStart > MAX_PART_HEADER_BYTES) {
      throw malformed('a part’s headers do not end');
    }
    const part = headersOf(body.toString('utf8', headerStart, headerEnd));
    if (names.has(part.name)) throw malformed(`two parts are named “${part.name}”`);
    names.add(part.name);
    const start = headerEnd + 4;
    const end = body.indexOf(delimiter, start);
    if (end < 0) throw malformed('it ends before its last boundary');
    parts.push({ ...part, data: body.subarray(start, end) });
    if (parts.length > MAX_PARTS) throw malformed(`it has more than ${MAX_PARTS} parts`);
    position = end + delimiter.length;
  }
}
