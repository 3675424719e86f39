import { describe, expect, it } from 'vitest';
import { tokenize } from '../../shared/search/tokens';
import { random } from '../import/fuzz/random';
import { htmlText } from './html-text';
import { htmlWords } from './html-words';
import { wordHash1, wordHash2 } from './pair-filter';
import { spelt } from './word-chars';

/** The words htmlWords hands over, each checked against the hashes it came with. */
function words(html: string): string[] {
  const out: string[] = [];
  htmlWords(html, {
    spanWord: (text, start, end, first, second) => {
      const word = spelt(text, start, end);
      expect([word, first, second]).toEqual([word, wordHash1(word), wordHash2(word)]);
      out.push(word);
    },
    word: (term) => out.push(term),
  });
  return out;
}

/** Pieces that meet every path: tags, references, spaces of every kind, accents, other scripts, marks, sigma. */
const PIECES = [
  'harbour',
  'Tide',
  'GULL',
  '2024',
  'x1',
  ' ',
  ' ',
  '\n',
  '\t',
  '\r\n',
  '\v',
  '\f',
  '<p>',
  '</p>',
  '<b>',
  '<br/>',
  '<a href="x>y">',
  '<img alt="a < b">',
  '<',
  '>',
  '<<',
  '<p',
  '&amp;',
  '&nbsp;',
  '&eacute;',
  '&#233;',
  '&#x3A3;',
  '&bogus;',
  '&',
  '&#0;',
  '&amp;nbsp;',
  'café',
  'CAFÉ',
  'naïve',
  'Ærø',
  'straße',
  'İstanbul',
  'ﬁne',
  'Ａｂｃ',
  '™',
  '½',
  '´',
  'e\u0301',
  '\u0301',
  '\u0323a',
  'σοφία',
  'ΟΔΟΣ',
  'ΣΑΣ',
  'Σ',
  'ς',
  '日本語',
  'кошка',
  '’',
  '“',
  '”',
  '—',
  '–',
  '…',
  '\u00a0',
  '\u2009',
  '\u200b',
  '\ufeff',
  '\u2028',
  '\ud83d\ude00',
  '\ud800',
  'don’t',
  'U.S.A.',
  'e-mail',
  "it's",
  '-',
  '.',
  ',',
];

describe('words of stored HTML', () => {
  it('are the words of its text, on content as the library stores it', () => {
    const html =
      '<h2>Café Ærø</h2>\n<p>The harbour&nbsp;master’s “log” — 2024&amp;later<br>naïve Σοφία ΟΔΟΣ.</p>';
    expect(words(html)).toEqual(tokenize(htmlText(html)));
    expect(words(html)).toContain('cafe');
  });

  it('read script and style elements the long way, as htmlText drops them', () => {
    for (const html of [
      '<p>kept</p><script>var dropped = 1;</script><p>also</p>',
      '<STYLE>p { x: y }</STYLE>tail',
      '<scripted>not a script</scripted>',
      '<script>never closed',
    ])
      expect([html, words(html)]).toEqual([html, tokenize(htmlText(html))]);
  });

  it('are the words of its text for any mix of tags, references, accents and scripts', () => {
    const rand = random(13);
    for (let run = 0; run < 3000; run++) {
      const length = 1 + Math.floor(rand() * 30);
      let html = '';
      for (let i = 0; i < length; i++) html += PIECES[Math.floor(rand() * PIECES.length)];
      expect([html, words(html)]).toEqual([html, tokenize(htmlText(html))]);
    }
  });
});
