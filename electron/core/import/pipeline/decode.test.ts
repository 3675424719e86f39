import { describe, expect, it } from 'vitest';
import { LecternError } from '../../../shared/errors';
import { decodeHtml, decodeText, declaredCharset } from './decode';

/** ASCII text with raw bytes spliced in where `{xx}` names a byte in hex. */
function raw(template: string): Uint8Array {
  const out: number[] = [];
  for (const part of template.split(/(\{[0-9a-f]{2}\})/i)) {
    if (/^\{[0-9a-f]{2}\}$/i.test(part)) out.push(Number.parseInt(part.slice(1, 3), 16));
    else out.push(...new TextEncoder().encode(part));
  }
  return Uint8Array.from(out);
}

function utf16le(text: string, bom = true): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return Uint8Array.from([...(bom ? [0xff, 0xfe] : []), ...body]);
}

function utf16be(text: string): Uint8Array {
  const body = Buffer.from(text, 'utf16le').swap16();
  return Uint8Array.from([0xfe, 0xff, ...body]);
}

function refusal(decode: () => string): LecternError {
  try {
    decode();
  } catch (error) {
    expect(error).toBeInstanceOf(LecternError);
    return error as LecternError;
  }
  throw new Error('the bytes were accepted');
}

const SHIFT_JIS_NIHONGO = '{93}{fa}{96}{7b}{8c}{ea}'; // 日本語

describe('decodeText', () => {
  it.each<[string, Uint8Array, string]>([
    ['plain UTF-8', new TextEncoder().encode('Grüße, 日本語'), 'Grüße, 日本語'],
    ['UTF-8 with a BOM, which is dropped', raw('{ef}{bb}{bf}caf{c3}{a9}'), 'café'],
    ['UTF-16LE with a BOM', utf16le('Grüße, 日本語 “q”'), 'Grüße, 日本語 “q”'],
    ['UTF-16BE with a BOM', utf16be('Grüße, 日本語'), 'Grüße, 日本語'],
  ])('decodes %s', (_label, bytes, expected) => {
    expect(decodeText(bytes, 'notes.txt')).toBe(expected);
  });

  it('refuses invalid UTF-8 as invalid-encoding, naming the file', () => {
    const error = refusal(() => decodeText(raw('caf{e9} au lait'), 'menu.txt'));
    expect(error.code).toBe('invalid-encoding');
    expect(error.message).toBe(
      'menu.txt is not valid UTF-8 text, so Lectern cannot read it without garbling it. Save it as UTF-8 and drop it again.',
    );
  });

  it('ignores a meta tag in plain text', () => {
    const bytes = raw('<meta charset="windows-1252"> caf{e9}');
    expect(refusal(() => decodeText(bytes, 'notes.txt')).code).toBe('invalid-encoding');
  });
});

describe('decodeHtml', () => {
  it.each<[string, Uint8Array, string]>([
    [
      'windows-1252 declared with <meta charset>',
      raw('<html><head><meta charset="windows-1252"></head><p>{93}Quoted{94} caf{e9} {85}</p>'),
      '<p>“Quoted” café …</p>',
    ],
    [
      'both ends of windows-1252’s 0x80-0x9F range, and a byte it leaves undefined',
      raw('<meta charset="windows-1252"><p>{80}5 {8a}{9f} {81}</p>'),
      '<p>€5 ŠŸ \u0081</p>',
    ],
    [
      'windows-1252 declared with http-equiv',
      raw('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>{93}Hi{94}</p>'),
      '<p>“Hi”</p>',
    ],
    [
      'an upper-case ISO-8859-1 label (read as windows-1252, as browsers do)',
      raw("<META CHARSET='ISO-8859-1'><p>{93}x{94} {e9}</p>"),
      '<p>“x” é</p>',
    ],
    [
      'Shift_JIS declared via meta',
      raw(`<meta charset="Shift_JIS"><title>${SHIFT_JIS_NIHONGO}</title>`),
      '<title>日本語</title>',
    ],
    [
      'Shift_JIS declared via http-equiv',
      raw(
        `<meta http-equiv="content-type" content="text/html;charset=shift_jis"><p>${SHIFT_JIS_NIHONGO}</p>`,
      ),
      '<p>日本語</p>',
    ],
    ['an undeclared UTF-8 page', new TextEncoder().encode('<p>Grüße “q”</p>'), '<p>Grüße “q”</p>'],
    [
      'a UTF-8 page whose meta tag still says utf-16',
      new TextEncoder().encode('<meta charset="utf-16"><p>Grüße</p>'),
      '<p>Grüße</p>',
    ],
    [
      'a BOM, which wins over the declared charset',
      raw('{ef}{bb}{bf}<meta charset="windows-1252"><p>caf{c3}{a9}</p>'),
      '<p>café</p>',
    ],
    ['a UTF-16LE page with a BOM', utf16le('<meta charset="utf-16"><p>日本語</p>'), '<p>日本語</p>'],
    [
      'an XML declaration',
      raw('<?xml version="1.0" encoding="windows-1252"?><html><p>{93}x{94}</p></html>'),
      '<p>“x”</p>',
    ],
  ])('decodes %s', (_label, bytes, fragment) => {
    expect(decodeHtml(bytes, 'page.html')).toContain(fragment);
  });

  it('refuses an undeclared page with invalid UTF-8 rather than guessing', () => {
    const error = refusal(() =>
      decodeHtml(raw('<html><body><p>{93}Quoted{94}</p></body></html>'), 'old.htm'),
    );
    expect(error.code).toBe('invalid-encoding');
    expect(error.message).toMatch(/^old\.htm is not valid UTF-8 text/);
  });

  it('ignores a declaration after the first 1024 bytes, as browsers do', () => {
    const late = raw(`<p>${'x'.repeat(1100)}</p><meta charset="windows-1252"><p>{93}x{94}</p>`);
    expect(declaredCharset(late)).toBeNull();
    expect(refusal(() => decodeHtml(late, 'late.html')).code).toBe('invalid-encoding');
  });

  it('reads bytes that are invalid in the declared charset with replacement characters, saying so', () => {
    const notices: string[] = [];
    expect(decodeHtml(raw('<meta charset="utf-8"><p>caf{e9}</p>'), 'liar.html', null, notices)).toBe(
      '<meta charset="utf-8"><p>caf\uFFFD</p>',
    );
    expect(notices).toEqual([expect.stringContaining('liar.html is not valid utf-8 text')]);
  });

  it('reads a page declaring an unknown charset as UTF-8 when its bytes are valid UTF-8', () => {
    expect(decodeHtml(raw('<meta charset="ut"><p>caf{c3}{a9} {e2}{80}{94} ok</p>'), 'typo.html')).toBe(
      '<meta charset="ut"><p>café — ok</p>',
    );
  });

  it('reads a page declaring an unknown charset as windows-1252 when its bytes are not UTF-8', () => {
    expect(decodeHtml(raw('<meta charset="x-klingon"><p>{93}caf{e9}{94}</p>'), 'alien.html')).toBe(
      '<meta charset="x-klingon"><p>“café”</p>',
    );
  });

  it('takes the container’s charset when the page declares none, and its own over the container’s', () => {
    expect(decodeHtml(raw('<p>{93}caf{e9}{94}</p>'), 'part.html', 'windows-1252')).toBe('<p>“café”</p>');
    expect(decodeHtml(raw('<meta charset="utf-8"><p>caf{c3}{a9}</p>'), 'part.html', 'windows-1252')).toBe(
      '<meta charset="utf-8"><p>café</p>',
    );
    expect(decodeHtml(raw('<p>caf{c3}{a9}</p>'), 'part.html', 'no-such-charset')).toBe('<p>café</p>');
  });
});

describe('declaredCharset', () => {
  it.each([
    ['<meta charset="UTF-8">', 'utf-8'],
    ["<meta charset='windows-1251'>", 'windows-1251'],
    ['<meta charset=euc-jp>', 'euc-jp'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', 'shift_jis'],
    ['<?xml version="1.0" encoding="ISO-8859-2"?>', 'iso-8859-2'],
    ['<html><head><title>none</title></head></html>', null],
  ])('finds %j → %j', (head, expected) => {
    expect(declaredCharset(new TextEncoder().encode(head))).toBe(expected);
  });
});

describe('decodeHtml with a declared charset that does not fit the bytes', () => {
  it('reads valid UTF-8 as UTF-8, whatever the page declares', () => {
    const page = new TextEncoder().encode('<meta charset="gb2312"><p>潮汐表 — tide tables</p>');
    const notices: string[] = [];
    expect(decodeHtml(page, 'tides.html', null, notices)).toContain('潮汐表 — tide tables');
    expect(notices).toEqual([]);
  });

  it('decodes other bytes with replacement characters and says so', () => {
    // 0xB3 0xB1 is one GB2312 character; 0xB3 before a space fits neither GB2312 nor UTF-8.
    const page = raw('<meta charset="gb2312"><p>{b3}{b1} tide {b3} tables</p>');
    const notices: string[] = [];
    const text = decodeHtml(page, 'tides.html', null, notices);
    expect(text).toContain('\uFFFD');
    expect(text).toContain('tables');
    expect(notices).toEqual([expect.stringMatching(/^tides\.html is not valid gb2312 text/)]);
  });
});
