/**
 * Tells whether an IP address is local: one a fetch made on a page's behalf
 * must not reach, because it names this machine or its network (the router's
 * admin page, a printer, a database on loopback) rather than the web.
 *
 * The trade-off: the list is of ranges, not of what answers there, so some
 * harmless addresses are refused too (documentation and benchmarking ranges,
 * multicast, IPv6 site-local), and a page served from a local host reaches
 * the web's images but not its own neighbours'. Refusing a few addresses no
 * article needs costs less than letting a hostile page drive requests into
 * the network. Hosts are classified by the address connected to, after DNS
 * (net/guarded-agent.ts), so a public name pointing here is caught too.
 *
 * Pure: the literal is parsed here, not by the platform, with the WHATWG URL
 * parser's IPv4 forms (`127.1`, `0x7f.0.0.1`, `0177.0.0.1`, `2130706433`),
 * so an odd spelling handed over before a URL normalized it is still caught.
 */

export type AddressKind =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'reserved';

type Range = readonly [prefix: number[], bits: number, kind: Exclude<AddressKind, 'public'>];

const IPV4_RANGES: readonly Range[] = [
  [[0, 0, 0, 0], 8, 'unspecified'],
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'shared'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'],
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'reserved'],
  [[192, 0, 2, 0], 24, 'reserved'],
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'reserved'],
  [[198, 51, 100, 0], 24, 'reserved'],
  [[203, 0, 113, 0], 24, 'reserved'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved'],
];

/** IPv6 ranges, over the address's sixteen bytes. */
const IPV6_RANGES: readonly Range[] = [
  [[0xfe, 0x80], 10, 'link-local'],
  [[0xfe, 0xc0], 10, 'private'],
  [[0xfc, 0x00], 7, 'unique-local'],
  [[0xff, 0x00], 8, 'multicast'],
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64, 'reserved'],
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'reserved'],
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48, 'private'],
];

/** IPv6 prefixes that carry an IPv4 address, and where it sits. */
const EMBEDDED_IPV4: readonly (readonly [prefix: number[], bits: number, at: number])[] = [
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96, 12],
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 96, 12],
  [[0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96, 12],
  [[0x20, 0x02], 16, 2],
];

function matches(bytes: readonly number[], prefix: readonly number[], bits: number): boolean {
  for (let bit = 0; bit < bits; bit += 8) {
    const mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
    const index = bit / 8;
    if (((bytes[index] ?? 0) & mask) !== ((prefix[index] ?? 0) & mask)) return false;
  }
  return true;
}

function kindIn(bytes: readonly number[], ranges: readonly Range[]): AddressKind {
  return ranges.find(([prefix, bits]) => matches(bytes, prefix, bits))?.[2] ?? 'public';
}

/** One part of an IPv4 address as the URL standard reads it: decimal, 0x hex or 0 octal. */
function ipv4Part(part: string): number | null {
  if (/^0x[0-9a-f]*$/i.test(part)) return part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
  if (/^0[0-7]+$/.test(part)) return Number.parseInt(part.slice(1), 8);
  if (/^(?:0|[1-9][0-9]*)$/.test(part)) return Number(part);
  return null;
}

/** The four bytes of an IPv4 literal in any form the URL standard accepts, or null. */
export function parseIPv4(literal: string): number[] | null {
  const parts = literal.replace(/\.$/, '').split('.');
  if (parts.length > 4 || parts.some((part) => part === '')) return null;
  const numbers = parts.map(ipv4Part);
  if (numbers.some((value) => value === null)) return null;
  const values = numbers as number[];
  const last = values.pop() as number;
  if (values.some((value) => value > 255) || last >= 256 ** (4 - values.length)) return null;
  const bytes = [...values];
  for (let shift = (3 - values.length) * 8; shift >= 0; shift -= 8)
    bytes.push(Math.floor(last / 2 ** shift) % 256);
  return bytes;
}

/** The sixteen bytes of an IPv6 literal (brackets and a zone allowed), or null. */
export function parseIPv6(literal: string): number[] | null {
  const text = literal.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string): number[] | null => {
    if (half === '') return [];
    const out: number[] = [];
    const pieces = half.split(':');
    for (const [index, piece] of pieces.entries()) {
      if (index === pieces.length - 1 && piece.includes('.')) {
        const v4 = /^\d+\.\d+\.\d+\.\d+$/.test(piece) ? parseIPv4(piece) : null;
        if (!v4) return null;
        out.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) out.push(Number.parseInt(piece, 16));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0] as string);
  const tail = halves.length === 2 ? groups(halves[1] as string) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  return [...head, ...Array<number>(missing).fill(0), ...tail].flatMap((group) => [group >> 8, group & 0xff]);
}

function ipv6Kind(bytes: readonly number[]): AddressKind {
  if (bytes.every((byte, index) => byte === (index === 15 ? 1 : 0))) return 'loopback';
  if (bytes.every((byte) => byte === 0)) return 'unspecified';
  const embedded = EMBEDDED_IPV4.find(([prefix, bits]) => matches(bytes, prefix, bits));
  if (embedded) return kindIn(bytes.slice(embedded[2], embedded[2] + 4), IPV4_RANGES);
  return kindIn(bytes, IPV6_RANGES);
}

/** What kind of address an IP literal is, or null when it is not one (a host name). */
export function addressKind(literal: string): AddressKind | null {
  const v4 = parseIPv4(literal);
  if (v4) return kindIn(v4, IPV4_RANGES);
  const v6 = literal.includes(':') ? parseIPv6(literal) : null;
  return v6 ? ipv6Kind(v6) : null;
}

/** Whether an IP literal names this machine or its network; a host name is not an address, so false. */
export function isLocalAddress(literal: string): boolean {
  const kind = addressKind(literal);
  return kind !== null && kind !== 'public';
}
