import { describe, expect, it } from 'vitest';
import { anchorTarget, describeTarget, type AnchorMethod } from './anchor';

const ARTICLE = [
  'The keeper climbed the stair at dusk; the sea was calm that night, and the lamp turned slowly.',
  'By morning the sea was grey. He wrote in the log: “Wind from the north, the sea was calm again.”',
  'Nobody came to relieve him that winter, and the stores ran low by February.',
].join('\n\n');

/** Highlights `phrase` (its `nth` occurrence) in ARTICLE and returns the stored target. */
function highlight(phrase: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = ARTICLE.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`${phrase} not in the article`);
  return { target: describeTarget(ARTICLE, start, start + phrase.length), start };
}

interface Case {
  name: string;
  phrase: string;
  nth?: number;
  /** How the article changed after highlighting. */
  edit: (text: string) => string;
  /** The text expected under the highlight after re-anchoring, or null for orphaned. */
  expected: string | null;
  method?: AnchorMethod;
  /** The expected text is at this occurrence of `expected` in the edited text. */
  expectedNth?: number;
}

const CASES: Case[] = [
  {
    name: 'unchanged text',
    phrase: 'the lamp turned slowly',
    edit: (t) => t,
    expected: 'the lamp turned slowly',
    method: 'position',
  },
  {
    name: 'repeated phrase, second occurrence, unchanged',
    phrase: 'the sea was calm',
    nth: 1,
    edit: (t) => t,
    expected: 'the sea was calm',
    method: 'position',
    expectedNth: 1,
  },
  {
    name: 'repeated phrase after a paragraph inserted before: context picks the right one',
    phrase: 'the sea was calm',
    nth: 1,
    edit: (t) => `A new first paragraph that mentions the sea was calm once more.\n\n${t}`,
    expected: 'the sea was calm',
    method: 'quote',
    expectedNth: 2,
  },
  {
    name: 'paragraph inserted before',
    phrase: 'stores ran low',
    edit: (t) => `Editor’s note: this piece was updated.\n\n${t}`,
    expected: 'stores ran low',
    method: 'quote',
  },
  {
    name: 'whitespace differences inside the quote',
    phrase: 'Nobody came to relieve him that winter',
    edit: (t) => t.replace('came to relieve', 'came  to\n relieve'),
    expected: 'Nobody came  to\n relieve him that winter',
    method: 'fuzzy',
  },
  {
    name: 'curly quotes turned straight',
    phrase: '“Wind from the north, the sea was calm again.”',
    edit: (t) => t.replace('“', '"').replace('”', '"'),
    expected: '"Wind from the north, the sea was calm again."',
    method: 'fuzzy',
  },
  {
    name: 'a word edited inside, with a paragraph inserted before',
    phrase: 'The keeper climbed the stair at dusk',
    edit: (t) => `Preface.\n\n${t.replace('climbed', 'walked up')}`,
    expected: 'The keeper walked up the stair at dusk',
    method: 'fuzzy',
  },
  {
    name: 'highlight text removed entirely: orphaned',
    phrase: 'Nobody came to relieve him that winter',
    edit: (t) => t.replace(/Nobody came[^.]*\./, 'The relief boat arrived on time.'),
    expected: null,
  },
  {
    name: 'content replaced wholesale: orphaned',
    phrase: 'the lamp turned slowly',
    edit: () => 'An entirely different article about gardening in the spring.',
    expected: null,
  },
];

describe('anchorTarget', () => {
  it.each(CASES)('$name', ({ phrase, nth, edit, expected, method, expectedNth }) => {
    const { target } = highlight(phrase, nth);
    const text = edit(ARTICLE);
    const anchor = anchorTarget(text, target);
    if (expected === null) {
      expect(anchor).toBeNull();
      return;
    }
    expect(anchor).not.toBeNull();
    expect(text.slice(anchor!.start, anchor!.end)).toBe(expected);
    if (method) expect(anchor!.method).toBe(method);
    let at = -1;
    for (let i = 0; i <= (expectedNth ?? 0); i++) at = text.indexOf(expected, at + 1);
    expect(anchor!.start).toBe(at);
  });
});

describe('describeTarget', () => {
  it('stores the quote with 32 characters of context and the position', () => {
    const { target, start } = highlight('the lamp turned slowly');
    const [quote, position] = target.selector;
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'the lamp turned slowly',
      prefix: ARTICLE.slice(start - 32, start),
      suffix: ARTICLE.slice(start + 22, start + 54),
    });
    expect(quote.prefix).toHaveLength(32);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 22 });
  });

  it('cuts the context short at the ends of the text', () => {
    const [quote] = describeTarget('Short text.', 0, 5).selector;
    expect(quote.prefix).toBe('');
    expect(quote.suffix).toBe(' text.');
  });
});
