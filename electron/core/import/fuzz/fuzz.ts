/**
 * Runs fuzz cases (cases.ts) through the import pool, as the app imports
 * them, so each case is bounded as a real file is: by the worker's deadline
 * and memory cap (shared/limits.ts). A case passes when it imports, or is
 * refused with a LecternError that names the file, is not the generic
 * internal error, and so tells a person what went wrong. Stops at the
 * deadline or the memory cap are counted apart: they pass (the file is
 * named, the app carries on), but each is a bomb the importers' own limits
 * missed.
 */
import { LecternError } from '../../../shared/errors';
import { PreparePool } from '../workers/prepare-pool';
import { fuzzCase } from './cases';

export type Outcome = 'imported' | 'refused' | 'stopped' | 'failed';

export interface CaseResult {
  seed: number;
  index: number;
  label: string;
  outcome: Outcome;
  /** The refusal's code and sentence, or what was wrong with it. */
  detail: string;
  ms: number;
}

export function judge(name: string, error: unknown): { outcome: Outcome; detail: string } {
  if (!(error instanceof LecternError))
    return { outcome: 'failed', detail: `not a LecternError: ${String(error)}` };
  const detail = `${error.code}: ${error.message}`;
  if (error.code === 'internal' || !error.message.includes(name)) return { outcome: 'failed', detail };
  return { outcome: / was stopped\. /.test(error.message) ? 'stopped' : 'refused', detail };
}

export interface FuzzRun {
  seed: number;
  cases: number;
  /** Workers; two by default, one per core of a small CI machine. */
  workers?: number;
  onResult?: (result: CaseResult) => void;
}

/** Runs cases 0…cases-1 of the seed, in parallel on the pool, and returns every result. */
export async function runFuzz({ seed, cases, workers = 2, onResult }: FuzzRun): Promise<CaseResult[]> {
  const pool = new PreparePool(workers, { idleMs: 1000 });
  return Promise.all(
    Array.from({ length: cases }, async (_, index) => {
      const { label, file } = fuzzCase(seed, index);
      const started = performance.now();
      const verdict = await pool.prepare(file, new Map()).then(
        () => ({ outcome: 'imported' as const, detail: '' }),
        (error: unknown) => judge(file.name, error),
      );
      const result = { seed, index, label, ...verdict, ms: Math.round(performance.now() - started) };
      onResult?.(result);
      return result;
    }),
  );
}
