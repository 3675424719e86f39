import { describe, expect, it } from 'vitest';
import { highlightTerms, parseQuery, type Filter, type Term } from './query';

const word = (text: string, extra: Partial<Extract<Term, { kind: 'word' }>> = {}): Term => ({
  kind: 'word',
  text,
  negate: false,
  prefix: false,
  ...extra,
});

describe('plain words', () => {
  it('all must match, the last one as a prefix while it is being typed', () => {
    expect(parseQuery('Lighthouse keep').terms).toEqual([word('lighthouse'), word('keep', { prefix: true })]);
  });

  it('a trailing space says the last word is complete', () => {
    expect(parseQuery('lighthouse keep ').terms).toEqual([word('lighthouse'), word('keep')]);
  });

  it('folds case and accents, and splits at punctuation', () => {
    expect(parseQuery('Café e-mail ').terms).toEqual([word('cafe'), word('e'), word('mail')]);
  });

  it('an empty query has nothing in it', () => {
    expect(parseQuery('   ')).toEqual({ terms: [], filters: [], sort: null, ignored: [] });
  });
});

describe('phrases and negation', () => {
  it('"exact phrase" keeps the words in order', () => {
    expect(parseQuery('"the Skerry light"').terms).toEqual([
      { kind: 'phrase', words: ['the', 'skerry', 'light'], negate: false },
    ]);
  });

  it('-word leaves articles with the word out, and is never a prefix', () => {
    expect(parseQuery('garden -winter').terms).toEqual([word('garden'), word('winter', { negate: true })]);
  });

  it('-"phrase" leaves out the phrase', () => {
    expect(parseQuery('-"winter garden"').terms).toEqual([
      { kind: 'phrase', words: ['winter', 'garden'], negate: true },
    ]);
  });

  it('an unclosed quote runs to the end and says so', () => {
    const query = parseQuery('"winter gard');
    expect(query.terms).toEqual([{ kind: 'phrase', words: ['winter', 'gard'], negate: false }]);
    expect(query.ignored[0]).toMatch(/never closed/);
  });

  it('a lone dash is ignored with a word', () => {
    const query = parseQuery('a - b');
    expect(query.terms).toEqual([word('a'), word('b', { prefix: true })]);
    expect(query.ignored).toEqual([]);
    expect(parseQuery('-!!').ignored[0]).toMatch(/nothing to leave out/);
  });
});

describe('operators', () => {
  const cases: [string, Filter[]][] = [
    ['tag:work', [{ kind: 'tag', name: 'work', negate: false }]],
    ['tag:work/reading', [{ kind: 'tag', name: 'work/reading', negate: false }]],
    ['tag:"long reads"', [{ kind: 'tag', name: 'long reads', negate: false }]],
    ['-tag:work', [{ kind: 'tag', name: 'work', negate: true }]],
    ['TAG:Work', [{ kind: 'tag', name: 'Work', negate: false }]],
    ['no:tag', [{ kind: 'no-tag', negate: false }]],
    ['is:inbox', [{ kind: 'is', value: 'inbox', negate: false }]],
    ['is:archived', [{ kind: 'is', value: 'archived', negate: false }]],
    ['is:favorite', [{ kind: 'is', value: 'favorite', negate: false }]],
    ['is:read', [{ kind: 'is', value: 'read', negate: false }]],
    ['is:unread', [{ kind: 'is', value: 'unread', negate: false }]],
    ['is:trashed', [{ kind: 'is', value: 'trashed', negate: false }]],
    ['-is:favorite', [{ kind: 'is', value: 'favorite', negate: true }]],
    ['has:highlights', [{ kind: 'has', value: 'highlights', negate: false }]],
    ['has:highlight', [{ kind: 'has', value: 'highlights', negate: false }]],
    ['has:note', [{ kind: 'has', value: 'note', negate: false }]],
    ['site:example.com', [{ kind: 'site', value: 'example.com', negate: false }]],
    ['author:"Mairi Sutherland"', [{ kind: 'author', value: 'Mairi Sutherland', negate: false }]],
    ['lang:en', [{ kind: 'lang', value: 'en', negate: false }]],
    [
      'added:2024-01-01..2024-06-30',
      [{ kind: 'added', from: '2024-01-01', to: '2024-06-30', negate: false }],
    ],
    ['added:..2023-12-31', [{ kind: 'added', from: null, to: '2023-12-31', negate: false }]],
    ['added:2024-05-01..', [{ kind: 'added', from: '2024-05-01', to: null, negate: false }]],
    ['published:2024-05', [{ kind: 'published', from: '2024-05', to: '2024-05', negate: false }]],
    ['published:2020..2021', [{ kind: 'published', from: '2020', to: '2021', negate: false }]],
    ['words:>1000', [{ kind: 'words', min: 1001, max: null, negate: false }]],
    ['words:>=1000', [{ kind: 'words', min: 1000, max: null, negate: false }]],
    ['words:<500', [{ kind: 'words', min: null, max: 499, negate: false }]],
    ['words:<=500', [{ kind: 'words', min: null, max: 500, negate: false }]],
    ['words:800', [{ kind: 'words', min: 800, max: 800, negate: false }]],
    ['words:500..1500', [{ kind: 'words', min: 500, max: 1500, negate: false }]],
  ];

  it.each(cases)('%s', (input, filters) => {
    const query = parseQuery(input);
    expect(query.filters).toEqual(filters);
    expect(query.terms).toEqual([]);
    expect(query.ignored).toEqual([]);
  });

  it('combines with words', () => {
    const query = parseQuery('tag:work lighthouse is:unread');
    expect(query.terms).toEqual([word('lighthouse')]);
    expect(query.filters).toHaveLength(2);
  });

  it('tag names are normalized', () => {
    expect(parseQuery('tag:" work / reading "').filters).toEqual([
      { kind: 'tag', name: 'work/reading', negate: false },
    ]);
  });

  it('unknown keys are words, not operators', () => {
    expect(parseQuery('note:later').terms).toEqual([word('note'), word('later', { prefix: true })]);
  });
});

describe('sort', () => {
  it.each([
    ['sort:added', { key: 'added', direction: 'desc' }],
    ['sort:added-asc', { key: 'added', direction: 'asc' }],
    ['sort:published', { key: 'published', direction: 'desc' }],
    ['sort:title', { key: 'title', direction: 'asc' }],
    ['sort:title-desc', { key: 'title', direction: 'desc' }],
    ['sort:words', { key: 'words', direction: 'desc' }],
    ['sort:progress-asc', { key: 'progress', direction: 'asc' }],
  ])('%s', (input, sort) => {
    expect(parseQuery(input).sort).toEqual(sort);
  });

  it('the last sort wins', () => {
    expect(parseQuery('sort:title sort:words').sort).toEqual({ key: 'words', direction: 'desc' });
  });
});

describe('malformed queries search for the literal words and say what was ignored', () => {
  it.each([
    ['is:banana', ['is', 'banana'], /takes inbox, archived/],
    ['has:pictures', ['has', 'pictures'], /takes highlights or note/],
    ['no:highlights', ['no', 'highlights'], /takes only “tag”/],
    ['added:yesterday', ['added', 'yesterday'], /not a date/],
    ['added:2024-13-01', ['added', '2024', '13', '01'], /not a date/],
    ['added:2024-02-30', ['added', '2024', '02', '30'], /not a date/],
    [
      'published:2024-06-01..2024-01-01',
      ['published', '2024', '06', '01', '2024', '01', '01'],
      /ends before/,
    ],
    ['added:1..2..3', ['added', '1', '2', '3'], /not a date/],
    ['words:many', ['words', 'many'], /number of words/],
    ['words:900..100', ['words', '900', '100'], /ends before/],
    ['sort:colour', ['sort', 'colour'], /takes added, published/],
    ['-sort:title', ['sort', 'title'], /cannot be negated/],
  ])('%s', (input, words, message) => {
    const query = parseQuery(input);
    expect(query.filters).toEqual([]);
    expect(query.sort).toBeNull();
    expect(query.terms.map((t) => (t.kind === 'word' ? t.text : ''))).toEqual(words);
    expect(query.ignored).toHaveLength(1);
    expect(query.ignored[0]).toMatch(message);
    expect(query.ignored[0]).toContain(input);
  });

  it('an operator without a value is named, and the rest still applies', () => {
    const query = parseQuery('tag: lighthouse');
    expect(query.ignored[0]).toMatch(/“tag:” needs a value/);
    expect(query.terms).toEqual([word('tag'), word('lighthouse', { prefix: true })]);
  });

  it('a literal operator word is not a prefix while typed', () => {
    expect(parseQuery('is:unr').terms.every((t) => t.kind === 'word' && !t.prefix)).toBe(true);
  });
});

describe('highlightTerms', () => {
  it('lists positive words and the prefix, never negated ones', () => {
    expect(highlightTerms(parseQuery('"old light" keep -fog ligh'))).toEqual({
      words: ['old', 'light', 'keep'],
      prefixes: ['ligh'],
    });
  });
});
