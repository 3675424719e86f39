import { describe, expect, it } from 'vitest';
import { buildPairFilter, mayHoldPair, mayHoldPhrase, phraseProbe } from './pair-filter';

describe('pair filter', () => {
  const filter = buildPairFilter([
    ['the', 'old', 'light'],
    ['harbour', 'master'],
  ]);

  it('holds every adjacent pair within a field', () => {
    expect(mayHoldPair(filter, 'the', 'old')).toBe(true);
    expect(mayHoldPair(filter, 'old', 'light')).toBe(true);
    expect(mayHoldPhrase(filter, phraseProbe(['the', 'old', 'light']))).toBe(true);
    expect(mayHoldPhrase(filter, phraseProbe(['harbour', 'master']))).toBe(true);
  });

  it('lacks pairs in the other order, apart, or across fields', () => {
    expect(mayHoldPair(filter, 'old', 'the')).toBe(false);
    expect(mayHoldPair(filter, 'the', 'light')).toBe(false);
    expect(mayHoldPair(filter, 'light', 'harbour')).toBe(false);
    expect(mayHoldPhrase(filter, phraseProbe(['old', 'light', 'harbour']))).toBe(false);
    expect(mayHoldPair(new Uint8Array(0), 'the', 'old')).toBe(false);
  });

  it('lets through few pairs it does not hold, at about 1.5 bytes a pair', () => {
    const words = Array.from({ length: 2001 }, (_, i) => `w${i}`);
    const big = buildPairFilter([words]);
    expect(big.length).toBeLessThanOrEqual(3000);
    for (let i = 0; i < 2000; i++) expect(mayHoldPair(big, `w${i}`, `w${i + 1}`)).toBe(true);
    let falsePositives = 0;
    for (let i = 0; i < 20_000; i++) if (mayHoldPair(big, `w${i % 2000}`, `x${i}`)) falsePositives++;
    expect(falsePositives / 20_000).toBeLessThan(0.01);
  });
});
