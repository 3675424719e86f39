/**
 * Decoding of HTML character references in text that came out of markup as a
 * string (meta descriptions, JSON-LD, stored HTML stripped of tags). Only the
 * references such text actually carries are named; numeric references cover
 * everything else, and an unknown name is kept as written rather than guessed.
 * Decoding is a single pass, so "&amp;nbsp;" becomes the text "&nbsp;", as a
 * browser would show it.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  ouml: 'ö',
  uuml: 'ü',
  auml: 'ä',
  szlig: 'ß',
  ccedil: 'ç',
  ntilde: 'ñ',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  zwnj: '\u200c',
  zwj: '\u200d',
};

function fromCode(code: number, written: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : written;
}

function decodeOne(written: string, name: string): string {
  if (name[0] === '#') {
    const hex = name[1] === 'x' || name[1] === 'X';
    return fromCode(parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10), written);
  }
  return NAMED[name] ?? written;
}

/** The text with every character reference it holds replaced by its character. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, decodeOne);
}
