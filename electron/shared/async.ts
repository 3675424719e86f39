/**
 * The asynchronous building blocks every process uses, named once (in the
 * spirit of VS Code's base/common/async.ts): a serial queue, one per key, a
 * bounded parallel map, debounce, throttle, and a yield to the event loop.
 * Pure: no Node built-ins, no DOM, so the core and the renderer share them.
 *
 * Yielding to the event loop is the one place the platforms differ. A
 * microtask would not do (I/O and timers still wait behind it), and
 * setTimeout(0) is clamped to a millisecond or more, which turns a rebuild
 * that yields once per article into seconds of sleeping at 10,000 articles.
 * So yieldToEventLoop takes setImmediate where the platform has one (Node,
 * where the long loops run) and falls back to setTimeout(0) elsewhere
 * (browsers), found at run time rather than imported.
 *
 * Timers that only save derived data should not keep a Node process alive
 * (`unref`); a browser timer has no such notion, so the option is applied
 * only where the timer supports it.
 */

type Timer = ReturnType<typeof setTimeout>;

const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;

/** Lets pending I/O, timers and other callers run before the caller goes on. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (immediate) immediate(resolve);
    else setTimeout(resolve, 0);
  });
}

function startTimer(run: () => void, ms: number, unref: boolean): Timer {
  const timer = setTimeout(run, ms);
  if (unref) (timer as { unref?: () => void }).unref?.();
  return timer;
}

/**
 * Runs tasks one after another, each starting when the previous one has
 * settled; a failed task fails only its own caller.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.#tail.then(task, task);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves when every task queued so far has settled. */
  async idle(): Promise<void> {
    await this.#tail;
  }
}

/**
 * A serial queue per key: tasks for one key run one at a time, tasks for
 * different keys run side by side. A key whose tasks have all settled is
 * forgotten, so the map holds only keys with work in flight.
 */
export class KeyedSerialQueue<K> {
  readonly #tails = new Map<K, Promise<unknown>>();

  run<T>(key: K, task: () => T | Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const settled = result.catch(() => undefined);
    this.#tails.set(key, settled);
    void settled.then(() => {
      if (this.#tails.get(key) === settled) this.#tails.delete(key);
    });
    return result;
  }

  /** How many keys have work queued or running. */
  get size(): number {
    return this.#tails.size;
  }
}

/**
 * Maps `items` through `work`, at most `limit` at a time, keeping the
 * results in the items' order. The first failure rejects the whole map
 * (items already started still run to their end).
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}

export interface DebounceOptions {
  /** Run at the latest this long after the first call of a burst, however long the burst goes on. */
  maxWaitMs?: number;
  /** Do not keep a Node process alive for this timer. */
  unref?: boolean;
}

/** A debounced or throttled function, with control over the call it holds back. */
export interface Delayed<A extends unknown[]> {
  (...args: A): void;
  /** Drops the held-back call. */
  cancel(): void;
  /** Runs the held-back call now, if there is one. */
  flush(): void;
  /** Whether a call is held back. */
  readonly pending: boolean;
}

/** The one call a debounce or throttle holds back, and its timer. */
class HeldCall<A extends unknown[]> {
  #timer: Timer | null = null;
  #args: A | null = null;

  constructor(
    private readonly fn: (...args: A) => void,
    private readonly unref: boolean,
  ) {}

  get pending(): boolean {
    return this.#args !== null;
  }

  /** Holds `args` back to run in `ms`; `restart` moves a running timer, otherwise it is kept. */
  hold(args: A, ms: number, restart: boolean): void {
    this.#args = args;
    if (this.#timer && !restart) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = startTimer(() => this.run(), ms, this.unref);
  }

  run(): void {
    const args = this.#args as A;
    this.cancel();
    this.fn(...args);
  }

  cancel(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#args = null;
  }

  /** `call` with this held call's controls attached. */
  controls(call: (...args: A) => void): Delayed<A> {
    return Object.defineProperty(
      Object.assign(call, {
        cancel: () => this.cancel(),
        flush: () => {
          if (this.pending) this.run();
        },
      }),
      'pending',
      { get: () => this.pending },
    ) as Delayed<A>;
  }
}

/**
 * Runs `fn` once calls have stopped for `waitMs`, with the last call's
 * arguments: a burst of calls becomes one.
 */
export function debounce<A extends unknown[]>(
  fn: (...args: A) => void,
  waitMs: number,
  options: DebounceOptions = {},
): Delayed<A> {
  const held = new HeldCall(fn, options.unref ?? false);
  let burstStart = 0;
  return held.controls((...args: A) => {
    const now = Date.now();
    if (!held.pending) burstStart = now;
    const left = options.maxWaitMs === undefined ? waitMs : options.maxWaitMs - (now - burstStart);
    held.hold(args, Math.max(0, Math.min(waitMs, left)), true);
  });
}

/**
 * Runs `fn` at most once per `intervalMs`: the first call at once, later
 * calls within the interval folded into one at its end, with the last
 * call's arguments.
 */
export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  intervalMs: number,
  options: Pick<DebounceOptions, 'unref'> = {},
): Delayed<A> {
  let lastRun = -Infinity;
  const held = new HeldCall<A>((...args) => {
    lastRun = Date.now();
    fn(...args);
  }, options.unref ?? false);
  return held.controls((...args: A) => {
    const left = lastRun + intervalMs - Date.now();
    held.hold(args, Math.max(0, left), false);
    if (left <= 0) held.run();
  });
}
