/**
 * Extraction quality scores, kept pure so they can be unit-tested.
 *
 * `shingleScores` and `aggregate` follow the article-extraction benchmark's
 * own evaluation step by step (word tokens, 4-gram shingles counted as
 * multisets, per-page TP/FP/FN normalised by their sum, macro means, F1 of
 * the means, accuracy as exact token-list equality, bootstrap spread), so the
 * figures can be set beside its published tables. `tokenF1` is the looser
 * bag-of-words score used against Readability's own expected output.
 */
import { random } from '../../electron/core/import/fuzz/random';

/** Maximal runs of Unicode word characters, as Python's `\w` on str. */
export function wordTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** Overlapping 4-grams as a multiset; 1–3 tokens give one shingle, none give none. */
export function shingles(tokens: string[], size = 4): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  if (tokens.length === 0) return counts;
  if (tokens.length < size) {
    add(tokens.join('\u0000'));
    return counts;
  }
  for (let i = 0; i + size <= tokens.length; i++) add(tokens.slice(i, i + size).join('\u0000'));
  return counts;
}

export interface PageScore {
  /** TP, FP and FN divided by their sum. */
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** The prediction has at least one shingle (counts towards mean precision). */
  predicted: boolean;
  /** The truth has at least one shingle (counts towards mean recall). */
  expected: boolean;
  exact: boolean;
}

export function shingleScores(expectedText: string, predictedText: string): PageScore {
  const trueTokens = wordTokens(expectedText);
  const predTokens = wordTokens(predictedText);
  const truth = shingles(trueTokens);
  const pred = shingles(predTokens);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...truth.keys(), ...pred.keys()])) {
    const t = truth.get(key) ?? 0;
    const p = pred.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
    fn += Math.max(0, t - p);
  }
  const sum = tp + fp + fn;
  if (sum > 0) {
    tp /= sum;
    fp /= sum;
    fn /= sum;
  }
  let precision: number;
  let recall: number;
  if (fp === 0 && fn === 0) {
    precision = 1;
    recall = 1;
  } else {
    precision = tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
    recall = tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
  }
  return {
    tp,
    fp,
    fn,
    precision,
    recall,
    predicted: pred.size > 0,
    expected: truth.size > 0,
    exact: trueTokens.length === predTokens.length && trueTokens.every((token, i) => token === predTokens[i]),
  };
}

export interface Aggregate {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Macro means over pages, F1 of the means (not the mean of per-page F1s). */
export function aggregate(pages: PageScore[]): Aggregate {
  const precision = mean(pages.filter((p) => p.predicted).map((p) => p.precision));
  const recall = mean(pages.filter((p) => p.expected).map((p) => p.recall));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, accuracy: mean(pages.map((p) => (p.exact ? 1 : 0))) };
}

function standardDeviation(values: number[]): number {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

/** Standard deviation of each metric over bootstrap resamples of the pages. */
export function bootstrap(pages: PageScore[], rounds = 1000, seed = 1): Aggregate {
  // Seeded, so the bootstrap spread is the same on every run.
  const next = random(seed);
  const samples: Aggregate[] = [];
  for (let round = 0; round < rounds; round++) {
    const sample = pages.map(() => pages[Math.floor(next() * pages.length)]!);
    samples.push(aggregate(sample));
  }
  return {
    precision: standardDeviation(samples.map((s) => s.precision)),
    recall: standardDeviation(samples.map((s) => s.recall)),
    f1: standardDeviation(samples.map((s) => s.f1)),
    accuracy: standardDeviation(samples.map((s) => s.accuracy)),
  };
}

/** Bag-of-words F1 over lower-cased word tokens. */
export function tokenF1(expectedText: string, predictedText: string): number {
  const count = (text: string) => {
    const counts = new Map<string, number>();
    for (const token of wordTokens(text.toLowerCase())) counts.set(token, (counts.get(token) ?? 0) + 1);
    return counts;
  };
  const truth = count(expectedText);
  const pred = count(predictedText);
  let overlap = 0;
  let trueTotal = 0;
  let predTotal = 0;
  for (const [token, n] of truth) {
    trueTotal += n;
    overlap += Math.min(n, pred.get(token) ?? 0);
  }
  for (const n of pred.values()) predTotal += n;
  if (trueTotal === 0 && predTotal === 0) return 1;
  if (overlap === 0) return 0;
  const precision = overlap / predTotal;
  const recall = overlap / trueTotal;
  return (2 * precision * recall) / (precision + recall);
}
