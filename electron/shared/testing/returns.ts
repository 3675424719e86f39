/**
 * A pure function's table of cases, one test a row: the many small functions
 * that read a name, an address or a date are tested by what they return for
 * each input, and writing the `it.each` around every table again made the
 * tables harder to see than the cases. Rows are compared with `toEqual`, so a
 * row may expect an object as well as a string, a flag or null. Plain vitest,
 * importable from every layer's tests (the renderer's included).
 */
import { expect, it } from 'vitest';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any function's arguments
type Fn = (...args: any[]) => unknown;

type Rows<F extends Fn> = readonly (readonly [...Parameters<F>, ReturnType<F>])[];

/**
 * Each row holds the arguments, then what `fn` returns for them. The title
 * defaults to the arguments and the result as JSON (`%j` is each column).
 */
export function itReturns<F extends Fn>(fn: F, rows: Rows<F>): void;
export function itReturns<F extends Fn>(fn: F, title: string, rows: Rows<F>): void;
export function itReturns<F extends Fn>(fn: F, ...args: [Rows<F>] | [string, Rows<F>]): void {
  const [title, rows] = args.length === 1 ? [undefined, args[0]] : args;
  const columns = rows[0]?.length ?? 1;
  const name = title ?? `${Array.from({ length: columns - 1 }, () => '%j').join(', ')} → %j`;
  it.each(rows.map((row) => [...row]))(name, (...row: unknown[]) => {
    expect(fn(...row.slice(0, -1))).toEqual(row.at(-1));
  });
}

/**
 * Each row names a case (for the title's `%s`), then holds the arguments;
 * `fn` returns `expected` for every one, as a list of refused inputs does.
 */
export function itReturnsSame<F extends Fn>(
  fn: F,
  expected: ReturnType<F>,
  title: string,
  rows: readonly (readonly [string, ...Parameters<F>])[],
): void {
  it.each(rows.map((row) => [...row]))(title, (_case: unknown, ...args: unknown[]) => {
    expect(fn(...args)).toEqual(expected);
  });
}
