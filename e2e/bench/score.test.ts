import { describe, expect, it } from 'vitest';
import { aggregate, bootstrap, shingles, shingleScores, tokenF1, wordTokens } from './score';

describe('wordTokens', () => {
  it('splits on punctuation, spaces and combining marks, keeping case and underscores', () => {
    expect(wordTokens("Don't stop_now, Zoë! 42½")).toEqual(['Don', 't', 'stop_now', 'Zoë', '42½']);
    expect(wordTokens('हिन्दी')).toEqual(['ह', 'न', 'द']);
    expect(wordTokens(' ... ')).toEqual([]);
  });
});

describe('shingles', () => {
  it('counts overlapping 4-grams as a multiset', () => {
    const counts = shingles(['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd']);
    expect(counts.size).toBe(4);
    expect(counts.get('a\u0000b\u0000c\u0000d')).toBe(2);
  });

  it('gives one shingle for 1–3 tokens and none for no tokens', () => {
    expect([...shingles(['a', 'b']).entries()]).toEqual([['a\u0000b', 1]]);
    expect(shingles([]).size).toBe(0);
  });
});

describe('shingleScores', () => {
  it('scores an exact match as perfect', () => {
    const score = shingleScores('one two three four five', 'one, two three; four five');
    expect(score).toMatchObject({ precision: 1, recall: 1, exact: true, tp: 1, fp: 0, fn: 0 });
  });

  it('normalises TP, FP and FN by their sum', () => {
    // truth shingles: abcd bcde; prediction: abcd bcdx cdxy
    const score = shingleScores('a b c d e', 'a b c d x y');
    expect(score.tp).toBeCloseTo(1 / 4);
    expect(score.fp).toBeCloseTo(2 / 4);
    expect(score.fn).toBeCloseTo(1 / 4);
    expect(score.precision).toBeCloseTo(1 / 3);
    expect(score.recall).toBeCloseTo(1 / 2);
    expect(score.exact).toBe(false);
  });

  it('counts repeated shingles by their multiplicity', () => {
    const score = shingleScores('a b c d', 'a b c d a b c d');
    // prediction: abcd ×2, bcda, cdab, dabc; truth: abcd ×1
    expect(score.precision).toBeCloseTo(1 / 5);
    expect(score.recall).toBe(1);
  });

  it('gives zero precision for an empty prediction and marks it unpredicted', () => {
    const score = shingleScores('a b c d', '');
    expect(score).toMatchObject({ precision: 0, recall: 0, predicted: false, expected: true });
  });
});

describe('aggregate', () => {
  it('averages precision only over pages with a prediction, and takes F1 of the means', () => {
    const pages = [shingleScores('a b c d e', 'a b c d x y'), shingleScores('a b c d', '')];
    const result = aggregate(pages);
    expect(result.precision).toBeCloseTo(1 / 3);
    expect(result.recall).toBeCloseTo(1 / 4);
    expect(result.f1).toBeCloseTo((2 * (1 / 3) * (1 / 4)) / (1 / 3 + 1 / 4));
    expect(result.accuracy).toBe(0);
  });

  it('counts exact token lists for accuracy', () => {
    const pages = [shingleScores('a b', 'a b'), shingleScores('a b', 'a c')];
    expect(aggregate(pages).accuracy).toBe(0.5);
  });
});

describe('bootstrap', () => {
  it('has no spread when every page scores the same, and some when they differ', () => {
    const same = Array.from({ length: 10 }, () => shingleScores('a b c d', 'a b c d'));
    expect(bootstrap(same, 50).f1).toBe(0);
    const mixed = [...same, ...Array.from({ length: 10 }, () => shingleScores('a b c d', 'x y z w'))];
    expect(bootstrap(mixed, 50).recall).toBeGreaterThan(0);
  });
});

describe('tokenF1', () => {
  it('compares bags of lower-cased words', () => {
    expect(tokenF1('The cat sat', 'the CAT sat')).toBe(1);
    expect(tokenF1('a b c d', 'a b')).toBeCloseTo((2 * 1 * 0.5) / 1.5);
    expect(tokenF1('a b', 'c d')).toBe(0);
    expect(tokenF1('', '')).toBe(1);
  });
});
