import { describe, expect, it } from 'vitest';
import { DamagedIndexError, InvertedIndex } from './inverted-index';
import { buildPairFilter, mayHoldPair } from './pair-filter';

function ids(index: InvertedIndex, docs: Uint32Array): string[] {
  return [...docs].map((doc) => index.idOf(doc)).filter((id): id is string => id !== null);
}

function withPrefix(index: InvertedIndex, prefix: string): string[] {
  const found = new Set<string>();
  index.forEachWithPrefix(prefix, (docs) => ids(index, docs).forEach((id) => found.add(id)));
  return [...found].sort();
}

function sample(): InvertedIndex {
  const index = new InvertedIndex();
  index.set('a', 's1', ['light', 'house', 'keeper']);
  index.set('b', 's1', ['lighthouse', 'garden']);
  index.set('c', 's1', ['garden', 'winter']);
  return index;
}

describe('InvertedIndex', () => {
  it('finds documents by term and by prefix', () => {
    const index = sample();
    expect(ids(index, index.lookup('garden'))).toEqual(['b', 'c']);
    expect(ids(index, index.lookup('nothing'))).toEqual([]);
    expect(withPrefix(index, 'ligh')).toEqual(['a', 'b']);
    expect(withPrefix(index, 'lighthouse')).toEqual(['b']);
  });

  it('re-indexes a changed document and forgets a removed one', () => {
    const index = sample();
    index.set('a', 's2', ['garden']);
    index.remove('c');
    expect(ids(index, index.lookup('garden')).sort()).toEqual(['a', 'b']);
    expect(ids(index, index.lookup('keeper'))).toEqual([]);
    expect(index.stampOf('a')).toBe('s2');
    expect(index.stampOf('c')).toBeNull();
    expect(index.size).toBe(2);
  });

  it('compacts removed documents away without changing answers', () => {
    const index = new InvertedIndex();
    for (let i = 0; i < 3000; i++) index.set(`d${i % 100}`, `s${i}`, [`w${i % 7}`, 'common']);
    expect(index.wantsCompaction).toBe(true);
    const before = ids(index, index.lookup('w3')).sort();
    index.compact();
    expect(index.wantsCompaction).toBe(false);
    expect(index.capacity).toBe(100);
    expect(ids(index, index.lookup('w3')).sort()).toEqual(before);
    expect(ids(index, index.lookup('common'))).toHaveLength(100);
  });

  it('keeps each document’s pair filter through compaction and a round trip', async () => {
    const index = new InvertedIndex();
    for (let i = 0; i < 2000; i++) {
      index.set(`d${i % 10}`, `s${i}`, [`w${i}`], buildPairFilter([[`w${i}`, 'next']]));
    }
    index.compact();
    const copy = await InvertedIndex.deserialize(await index.serialize());
    for (const each of [index, copy]) {
      const doc = each.numberOf('d3') as number;
      expect(mayHoldPair(each.filterOf(doc), 'w1993', 'next')).toBe(true);
      expect(mayHoldPair(each.filterOf(doc), 'w1994', 'next')).toBe(false);
    }
  });

  it('round-trips through bytes, and keeps accepting changes after', async () => {
    const index = sample();
    index.remove('b');
    const copy = await InvertedIndex.deserialize(await index.serialize());
    expect(ids(copy, copy.lookup('garden'))).toEqual(['c']);
    expect(withPrefix(copy, 'ligh')).toEqual(['a']);
    expect(copy.stampOf('a')).toBe('s1');
    copy.set('d', 's1', ['garden', 'lightship']);
    expect(ids(copy, copy.lookup('garden'))).toEqual(['c', 'd']);
    expect(withPrefix(copy, 'ligh')).toEqual(['a', 'd']);
  });

  it.each([
    ['empty', () => new Uint8Array(0)],
    ['truncated', (bytes: Uint8Array) => bytes.slice(0, bytes.length - 3)],
    [
      'with a changed posting',
      (bytes: Uint8Array) => bytes.map((b, i) => (i === bytes.length - 1 ? b ^ 1 : b)),
    ],
    ['with a broken header', (bytes: Uint8Array) => bytes.map((b, i) => (i === 10 ? 0 : b))],
    [
      'not an index',
      () => new TextEncoder().encode('\u0004\u0000\u0000\u0000\u0000\u0000\u0000\u0000{"a":1}'),
    ],
  ])('refuses bytes that are %s', async (_label, damage) => {
    const bytes = damage(await sample().serialize());
    await expect(InvertedIndex.deserialize(bytes)).rejects.toThrow(DamagedIndexError);
  });

  it('notices any one changed byte, in the header as in the body', async () => {
    const bytes = await sample().serialize();
    for (let at = 0; at < bytes.length; at++) {
      // Swapping one letter for another keeps the header valid JSON: only the checksum can tell.
      const changed = bytes.slice();
      changed[at] = (changed[at] as number) === 0x61 ? 0x62 : 0x61;
      await expect(InvertedIndex.deserialize(changed), `byte ${at}`).rejects.toThrow(DamagedIndexError);
    }
  });
});
