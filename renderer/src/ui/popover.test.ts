import { describe, expect, it } from 'vitest';
import { placePopover, type Box, type Placed, type Placement } from './popover';

const wide = { width: 1280, height: 800 };
const narrow = { width: 560, height: 700 };
const box = { width: 320, height: 300 };
const at = (left: number, top: number, width = 24, height = 24): Box => ({ left, top, width, height });

describe('placePopover', () => {
  it.each<[string, Box, { width: number; height: number }, Placement, Placed]>([
    [
      'below, at the start',
      at(100, 100),
      wide,
      { side: 'below', align: 'start' },
      { top: 132, left: 100, maxHeight: null },
    ],
    [
      'below, to the end',
      at(600, 100),
      wide,
      { side: 'below', align: 'end' },
      { top: 132, left: 304, maxHeight: null },
    ],
    [
      'centred on the anchor',
      at(600, 400),
      wide,
      { side: 'above', align: 'center' },
      { top: 92, left: 452, maxHeight: null },
    ],
    [
      'flipped above when there is no room below',
      at(100, 700),
      wide,
      { side: 'below', align: 'start' },
      { top: 392, left: 100, maxHeight: null },
    ],
    [
      'flipped below under a reserved bar',
      at(100, 120),
      wide,
      { side: 'above', align: 'center', reserveTop: 64 },
      { top: 152, left: 8, maxHeight: null },
    ],
    [
      'clamped at the right edge of a narrow window',
      at(520, 100),
      narrow,
      { side: 'below', align: 'start' },
      { top: 132, left: 232, maxHeight: null },
    ],
    [
      'clamped at the left edge',
      at(0, 100),
      narrow,
      { side: 'below', align: 'end' },
      { top: 132, left: 8, maxHeight: null },
    ],
    [
      'the larger side, scrolling, when neither fits',
      at(100, 150),
      { width: 1280, height: 400 },
      { side: 'below', align: 'start' },
      { top: 182, left: 100, maxHeight: 210 },
    ],
  ])('%s', (_, anchor, viewport, placement, expected) => {
    expect(placePopover(anchor, box, viewport, placement)).toEqual(expected);
  });
});
