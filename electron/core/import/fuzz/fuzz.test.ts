import { describe, expect, it } from 'vitest';
import { LecternError } from '../../../shared/errors';
import { fuzzCase } from './cases';
import { judge, runFuzz } from './fuzz';

describe('fuzz cases', () => {
  it('are the same for the same seed and index', () => {
    const a = fuzzCase(7, 123);
    const b = fuzzCase(7, 123);
    expect(a.label).toBe(b.label);
    expect(a.file.bytes).toEqual(b.file.bytes);
  });

  it('fail a refusal that is generic or does not name the file', () => {
    expect(judge('a.pdf', new Error('boom')).outcome).toBe('failed');
    expect(judge('a.pdf', new LecternError('internal', 'a.pdf: something went wrong')).outcome).toBe(
      'failed',
    );
    expect(judge('a.pdf', new LecternError('extraction-failed', 'The file is damaged.')).outcome).toBe(
      'failed',
    );
    expect(judge('a.pdf', new LecternError('extraction-failed', 'a.pdf is damaged.')).outcome).toBe(
      'refused',
    );
    expect(
      judge(
        'a.pdf',
        new LecternError(
          'too-large',
          'a.pdf took longer than 20 s to read and was stopped. Nothing was saved.',
        ),
      ).outcome,
    ).toBe('stopped');
  });
});

describe('the importers under fuzzing', () => {
  // A few hundred cases each run; a longer run is `npm run fuzz`.
  it('import or refuse every case with a sentence naming the file', async () => {
    const results = await runFuzz({ seed: 20261203, cases: 200 });
    const failed = results.filter((result) => result.outcome === 'failed');
    expect(failed.map(({ seed, index, label, detail }) => `${seed}:${index} ${label} → ${detail}`)).toEqual(
      [],
    );
    expect(results.some((result) => result.outcome === 'imported')).toBe(true);
    expect(results.some((result) => result.outcome === 'refused')).toBe(true);
  }, 600_000);
});
