import { describe, expect, it } from 'vitest';
import { fold, tokenize } from './tokens';

/** Folding and cutting the whole text at once: what the run-by-run path must equal. */
const foldWhole = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
const tokenizeWhole = (text: string) => foldWhole(text).match(/[\p{L}\p{N}]+/gu) ?? [];
const same = (text: string) =>
  fold(text) === foldWhole(text) && tokenize(text).join(' ') === tokenizeWhole(text).join(' ');

/**
 * Every code point that folding can change or that cuts words differently:
 * the first two planes, the compatibility ideographs and the variation
 * selectors (the rest of the planes decompose to nothing and hold no case).
 */
function* codePoints(): Generator<string> {
  for (const [from, to] of [
    [0, 0x1ffff],
    [0x2f800, 0x2fa1f],
    [0xe0000, 0xe01ef],
  ] as const) {
    for (let code = from; code <= to; code++) {
      if (code < 0xd800 || code > 0xdfff) yield String.fromCodePoint(code);
    }
  }
}

describe('tokens', () => {
  it('folds case and accents, and cuts words at everything but letters and digits', () => {
    expect(tokenize('Café au LAIT, naïve Ærø—2024’s “quotes”')).toEqual([
      'cafe',
      'au',
      'lait',
      'naive',
      'ærø',
      '2024',
      's',
      'quotes',
    ]);
    expect(tokenize('ΟΔΟΣ ΟΔΟΣa xΣ 𝚺')).toEqual(['οδος', 'οδοσa', 'xς', 'σ']);
  });

  it('folds every character, beside others and between ASCII letters, as folding and cutting the whole text do', () => {
    const all = [...codePoints()];
    const differ: string[] = [];
    for (let at = 0; at < all.length; at += 512) {
      const chars = all.slice(at, at + 512);
      for (const text of [chars.join(''), `A${chars.join('A')}b`, chars.join('x '), chars.join(' ')]) {
        if (!same(text)) differ.push(text);
      }
    }
    expect(differ).toEqual([]);
  });

  it('folds and cuts mixed text as folding and cutting the whole text do', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = [
      'A',
      'b',
      ' ',
      'É',
      'e\u0301',
      'Σ',
      'σ',
      '𝚺',
      'İ',
      'ﬁ',
      'Ⅻ',
      '’',
      '.',
      "'",
      'Ǆ',
      'ß',
      '\u00a0',
      '①',
    ];
    for (let i = 0; i < 5000; i++) {
      const text = Array.from(
        { length: 1 + Math.floor(rand() * 8) },
        () => pieces[Math.floor(rand() * pieces.length)],
      ).join('');
      expect([text, same(text)]).toEqual([text, true]);
    }
  });
});
