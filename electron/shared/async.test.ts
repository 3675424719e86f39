import { afterEach, describe, expect, it, vi } from 'vitest';
import { debounce, KeyedSerialQueue, mapBounded, SerialQueue, throttle, yieldToEventLoop } from './async';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('yieldToEventLoop', () => {
  it('lets a task queued before it run first', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('task'));
    await yieldToEventLoop();
    order.push('after');
    expect(order).toEqual(['task', 'after']);
  });

  it('falls back to a timer where there is no setImmediate (browsers)', async () => {
    vi.stubGlobal('setImmediate', undefined);
    const fresh = await import('./async');
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await fresh.yieldToEventLoop();
    await fresh.yieldToEventLoop();
    expect(order).toEqual(['timer']);
  });
});

describe('SerialQueue', () => {
  it('runs tasks one at a time, in order, and a failure fails only its caller', async () => {
    const queue = new SerialQueue();
    const first = gate();
    const order: string[] = [];
    const a = queue.run(async () => {
      order.push('a starts');
      await first.opened;
      order.push('a ends');
      throw new Error('a failed');
    });
    const b = queue.run(() => {
      order.push('b');
      return 2;
    });
    await tick();
    expect(order).toEqual(['a starts']);
    first.open();
    await expect(a).rejects.toThrow('a failed');
    expect(await b).toBe(2);
    await queue.idle();
    expect(order).toEqual(['a starts', 'a ends', 'b']);
  });
});

describe('KeyedSerialQueue', () => {
  it('serializes per key, runs keys side by side, and forgets idle keys', async () => {
    const queue = new KeyedSerialQueue<string>();
    const x = gate();
    const order: string[] = [];
    const x1 = queue.run('x', async () => {
      await x.opened;
      order.push('x1');
    });
    const x2 = queue.run('x', () => order.push('x2'));
    const y1 = queue.run('y', () => order.push('y1'));
    await y1;
    expect(order).toEqual(['y1']);
    expect(queue.size).toBe(2);
    x.open();
    await Promise.all([x1, x2]);
    expect(order).toEqual(['y1', 'x1', 'x2']);
    await tick();
    expect(queue.size).toBe(0);
  });

  it('runs the next task for a key after one failed', async () => {
    const queue = new KeyedSerialQueue<number>();
    const failed = queue.run(1, () => Promise.reject(new Error('no')));
    await expect(failed).rejects.toThrow('no');
    expect(await queue.run(1, () => 'next')).toBe('next');
  });
});

describe('mapBounded', () => {
  it('keeps results in order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapBounded([5, 1, 4, 2, 3], 2, async (n, i) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running--;
      return n * 10 + i;
    });
    expect(results).toEqual([50, 11, 42, 23, 34]);
    expect(most).toBe(2);
  });

  it('maps nothing to nothing and rejects with the first failure', async () => {
    expect(await mapBounded([], 3, async () => 1)).toEqual([]);
    await expect(
      mapBounded([1, 2], 2, async (n) => {
        if (n === 2) throw new Error('two');
        return n;
      }),
    ).rejects.toThrow('two');
  });
});

describe('debounce', () => {
  it('runs once, with the last arguments, after calls stop', () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const debounced = debounce((n: number) => calls.push(n), 100);
    debounced(1);
    vi.advanceTimersByTime(60);
    debounced(2);
    vi.advanceTimersByTime(60);
    expect(calls).toEqual([]);
    expect(debounced.pending).toBe(true);
    vi.advanceTimersByTime(40);
    expect(calls).toEqual([2]);
    expect(debounced.pending).toBe(false);
  });

  it('runs at the latest maxWaitMs after a burst began', () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const debounced = debounce((n: number) => calls.push(n), 100, { maxWaitMs: 250 });
    for (let i = 0; i < 10; i++) {
      debounced(i);
      vi.advanceTimersByTime(50);
    }
    expect(calls).toEqual([4, 9]);
  });

  it('drops the call on cancel and runs it at once on flush', () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const debounced = debounce((s: string) => calls.push(s), 100);
    debounced('dropped');
    debounced.cancel();
    vi.advanceTimersByTime(200);
    debounced('flushed');
    debounced.flush();
    debounced.flush();
    vi.advanceTimersByTime(200);
    expect(calls).toEqual(['flushed']);
  });
});

describe('throttle', () => {
  it('runs the first call at once and folds the rest of the interval into one', () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const throttled = throttle((n: number) => calls.push(n), 100);
    throttled(1);
    throttled(2);
    throttled(3);
    expect(calls).toEqual([1]);
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([1, 3]);
    vi.advanceTimersByTime(100);
    throttled(4);
    expect(calls).toEqual([1, 3, 4]);
  });

  it('can cancel or flush the folded call', () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const throttled = throttle((n: number) => calls.push(n), 100);
    throttled(1);
    throttled(2);
    throttled.cancel();
    vi.advanceTimersByTime(100);
    throttled(3);
    throttled(4);
    throttled.flush();
    expect(calls).toEqual([1, 3, 4]);
    expect(throttled.pending).toBe(false);
  });
});
