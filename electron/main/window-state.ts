/**
 * Where the window opens: where it was last time, unless that place is no
 * longer on any screen (a monitor was unplugged, the resolution changed), in
 * which case it opens at the default size, centred by the system. Pure, over
 * the displays' work areas, so it is tested without Electron.
 */
import type { Rectangle } from 'electron';
import type { WindowState } from '../core/settings/desktop-preferences';

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 640, height: 480 };
/** How much of the window must lie on a screen for the saved place to count. */
const VISIBLE = { width: 160, height: 80 };

export interface WindowPlacement {
  bounds: Partial<Rectangle> & { width: number; height: number };
  maximized: boolean;
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

export function placeWindow(
  saved: WindowState | undefined,
  workAreas: readonly Rectangle[],
): WindowPlacement {
  if (!saved) return { bounds: { ...DEFAULT_SIZE }, maximized: false };
  const screen = workAreas.find((area) => {
    const shared = overlap(saved, area);
    return shared.width >= VISIBLE.width && shared.height >= VISIBLE.height;
  });
  if (!screen) return { bounds: { ...DEFAULT_SIZE }, maximized: saved.maximized };
  const width = Math.max(MIN_SIZE.width, Math.min(saved.width, screen.width));
  const height = Math.max(MIN_SIZE.height, Math.min(saved.height, screen.height));
  return { bounds: { x: saved.x, y: saved.y, width, height }, maximized: saved.maximized };
}

/** What to remember: the size the window returns to when unmaximized, and whether it is maximized. */
export function rememberWindow(normalBounds: Rectangle, maximized: boolean): WindowState {
  const { x, y, width, height } = normalBounds;
  return {
    x: Math.round(x),
    y: Math.round(y),
    width: Math.round(width),
    height: Math.round(height),
    maximized,
  };
}
