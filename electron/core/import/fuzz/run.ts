/**
 * `npm run fuzz [-- --cases N --seed S]`: a longer fuzz run than CI's,
 * printing one line per failing case (its seed:index reproduces it through
 * fuzzCase), the slowest cases, and a summary as JSON.
 */
import { parseArgs } from 'node:util';
import { runFuzz, type CaseResult } from './fuzz';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '2000' }, seed: { type: 'string' } },
});
const seed = Number(values.seed ?? Date.now() % 1_000_000);
const cases = Number(values.cases);
const started = performance.now();
const results: CaseResult[] = await runFuzz({
  seed,
  cases,
  onResult: (result) => {
    if (result.outcome === 'failed' || result.outcome === 'stopped')
      console.log(`${result.outcome} ${result.seed}:${result.index} ${result.label} → ${result.detail}`);
  },
});
const count = (outcome: CaseResult['outcome']) =>
  results.filter((result) => result.outcome === outcome).length;
const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 5);
for (const result of slowest)
  console.log(`slow ${result.ms} ms ${result.seed}:${result.index} ${result.label}`);
console.log(
  JSON.stringify({
    seed,
    cases,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    imported: count('imported'),
    refused: count('refused'),
    stopped: count('stopped'),
    failed: count('failed'),
  }),
);
process.exitCode = count('failed') > 0 ? 1 : 0;
