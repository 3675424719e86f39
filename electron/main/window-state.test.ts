import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, placeWindow, rememberWindow } from './window-state';

const LAPTOP = { x: 0, y: 0, width: 1440, height: 900 };
const MONITOR = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('placeWindow', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(placeWindow(undefined, [LAPTOP])).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
  });

  it('opens where it was, at the size it had, maximized again if it was', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 1000, maximized: true };
    expect(placeWindow(saved, [LAPTOP, MONITOR])).toEqual({
      bounds: { x: 1600, y: 100, width: 1400, height: 1000 },
      maximized: true,
    });
  });

  it('falls back to the default place when its screen is gone', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 1000, maximized: false };
    expect(placeWindow(saved, [LAPTOP])).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
  });

  it('does not count a sliver at a screen’s edge as on screen', () => {
    const saved = { x: 1400, y: 100, width: 800, height: 600, maximized: false };
    expect(placeWindow(saved, [LAPTOP]).bounds).toEqual(DEFAULT_SIZE);
  });

  it('shrinks a window larger than its screen, but never below the minimum', () => {
    expect(placeWindow({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [LAPTOP]).bounds).toEqual(
      {
        x: 0,
        y: 0,
        width: 1440,
        height: 900,
      },
    );
    expect(placeWindow({ x: 10, y: 10, width: 200, height: 100, maximized: false }, [LAPTOP]).bounds).toEqual(
      {
        x: 10,
        y: 10,
        width: 640,
        height: 480,
      },
    );
  });
});

describe('rememberWindow', () => {
  it('keeps whole pixels and the maximized flag', () => {
    expect(rememberWindow({ x: 10.4, y: 20.6, width: 1000.2, height: 700.7 }, true)).toEqual({
      x: 10,
      y: 21,
      width: 1000,
      height: 701,
      maximized: true,
    });
  });
});
