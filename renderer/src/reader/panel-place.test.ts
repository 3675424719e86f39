import { describe, expect, it } from 'vitest';
import { PanelPlace } from './panel-place.svelte';

function panel(wide: boolean, openBeside = true) {
  const window = { wide, openBeside, findClosed: 0 };
  const place = new PanelPlace({
    isWide: () => window.wide,
    openBeside: () => window.openBeside,
    setOpenBeside: (open) => (window.openBeside = open),
    closeFind: () => window.findClosed++,
  });
  return { place, window };
}

describe('PanelPlace', () => {
  it('keeps the panel beside the text as last left, in a wide window', () => {
    const { place, window } = panel(true, true);
    expect(place.open).toBe(true);
    place.show(false);
    expect(window.openBeside).toBe(false);
    expect(window.findClosed).toBe(0);
  });

  it('opens a narrow window’s drawer only when asked, closing the find bar', () => {
    const { place, window } = panel(false, true);
    expect(place.open).toBe(false);
    place.show(true);
    expect(place.open).toBe(true);
    expect(window.findClosed).toBe(1);
    expect(window.openBeside).toBe(true);
    place.makeWayForFind();
    expect(place.open).toBe(false);
  });

  it('follows the window between wide and narrow', () => {
    const { place, window } = panel(true, true);
    window.wide = false;
    place.measure();
    expect(place.open).toBe(false);
    window.wide = true;
    place.measure();
    expect(place.open).toBe(true);
  });
});
