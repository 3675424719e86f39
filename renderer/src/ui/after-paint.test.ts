import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from './after-paint';

describe('afterNextPaint', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** Frame callbacks held until the test "renders" a frame. */
  function stubFrames(): { render: () => void } {
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    return { render: () => frames.splice(0).forEach((callback) => callback()) };
  }

  it('posts the callback at user-blocking priority from the next frame callback, not before', async () => {
    const frames = stubFrames();
    const posted: { priority: string }[] = [];
    vi.stubGlobal('scheduler', {
      postTask: (callback: () => void, options: { priority: string }) => {
        posted.push(options);
        return Promise.resolve().then(callback);
      },
    });
    const callback = vi.fn();
    afterNextPaint(callback);
    await Promise.resolve();
    expect(callback).not.toHaveBeenCalled();
    expect(posted).toEqual([]);

    frames.render();
    expect(posted).toEqual([{ priority: 'user-blocking' }]);
    await vi.waitFor(() => expect(callback).toHaveBeenCalledTimes(1));
  });

  it('falls back to a task queued from the frame callback where there is no scheduler', () => {
    vi.useFakeTimers();
    const frames = stubFrames();
    vi.stubGlobal('scheduler', undefined);
    const callback = vi.fn();
    afterNextPaint(callback);
    vi.runAllTimers();
    expect(callback).not.toHaveBeenCalled();

    frames.render();
    expect(callback).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(callback).toHaveBeenCalledTimes(1);
  });
});
