/**
 * Which adjacent word pairs a document holds, as a Bloom filter per document,
 * so a phrase is checked without reading the article: "new zealand" matches a
 * document holding both words only if its filter holds the pair ("new",
 * "zealand"); a longer phrase needs each of its adjacent pairs.
 *
 * The trade-off: a list of documents per pair (exact, with positions or
 * pairs as index terms) would add about 1,800 pairs × 4 bytes per article of
 * 2,000 words, some 70 MB at 10,000 articles, against a 300 MB budget for the
 * whole backend; reading each candidate's text took seconds for phrases of
 * common words. A filter of 12 bits per pair with 8 probes costs 1.5 bytes a
 * pair and lets through about 1 in 300 of the documents that hold the words
 * but not the pair. And a phrase of three words or more matches a document
 * holding each of its pairs, even apart ("the party" and "party or" without
 * "the party or"). Pairs never run from one field into the next.
 */

const BITS_PER_PAIR = 12;
const PROBES = 8;
const MIN_BYTES = 8;

/**
 * Two independent 32-bit hashes of the pair (FNV-1a and a murmur-style mix),
 * for double hashing: probe k looks at bit (h1 + k·h2) mod size.
 */
function pairHashes(first: string, second: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x5bd1e995;
  const text = `${first} ${second}`;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  // An odd step visits distinct bits for every probe.
  return [h1 >>> 0, (h2 | 1) >>> 0];
}

/** The filter of every adjacent pair within each field's tokens. */
export function buildPairFilter(fields: readonly (readonly string[])[]): Uint8Array {
  const pairs = new Set<string>();
  for (const tokens of fields) {
    for (let i = 0; i + 1 < tokens.length; i++) pairs.add(`${tokens[i]} ${tokens[i + 1]}`);
  }
  const bytes = Math.max(MIN_BYTES, Math.ceil((pairs.size * BITS_PER_PAIR) / 8));
  const filter = new Uint8Array(bytes);
  const bits = bytes * 8;
  for (const pair of pairs) {
    const space = pair.indexOf(' ');
    const [h1, h2] = pairHashes(pair.slice(0, space), pair.slice(space + 1));
    for (let k = 0; k < PROBES; k++) {
      const bit = (h1 + k * h2) % bits;
      filter[bit >>> 3] = (filter[bit >>> 3] as number) | (1 << (bit & 7));
    }
  }
  return filter;
}

/** A phrase's pairs hashed once, to test against many documents' filters. */
export type PhraseProbe = Float64Array;

export function phraseProbe(words: readonly string[]): PhraseProbe {
  const probe = new Float64Array(Math.max(0, words.length - 1) * 2);
  for (let i = 0; i + 1 < words.length; i++) {
    const [h1, h2] = pairHashes(words[i] as string, words[i + 1] as string);
    probe[2 * i] = h1;
    probe[2 * i + 1] = h2;
  }
  return probe;
}

/** False when the document certainly lacks one of the phrase's pairs; true when it (very likely) holds them all. */
export function mayHoldPhrase(filter: Uint8Array, probe: PhraseProbe): boolean {
  const bits = filter.length * 8;
  if (bits === 0) return probe.length === 0;
  for (let i = 0; i < probe.length; i += 2) {
    const h1 = probe[i] as number;
    const h2 = probe[i + 1] as number;
    for (let k = 0; k < PROBES; k++) {
      const bit = (h1 + k * h2) % bits;
      if (((filter[bit >>> 3] as number) & (1 << (bit & 7))) === 0) return false;
    }
  }
  return true;
}

/** Whether the filter (very likely) holds the pair (`first`, `second`). */
export function mayHoldPair(filter: Uint8Array, first: string, second: string): boolean {
  return mayHoldPhrase(filter, phraseProbe([first, second]));
}
