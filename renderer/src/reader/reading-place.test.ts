import { describe, expect, it } from 'vitest';
import { ReadingPlace } from './reading-place.svelte';

const LENGTH = 1000;

/** A place over a text of LENGTH characters, on a clock the test moves. */
function reading(options: { failSaves?: boolean } = {}) {
  const clock = { time: 5000, onScreen: 0 };
  const saved: number[] = [];
  const waiting: (() => void)[] = [];
  const place = new ReadingPlace({
    save: async (progress) => {
      saved.push(progress);
      if (options.failSaves) throw new Error('The library is not available.');
    },
    measure: () => clock.onScreen,
    progressAt: (offset) => offset / LENGTH,
    now: () => clock.time,
    later: (run) => waiting.push(run),
  });
  const runWaiting = () => waiting.splice(0).forEach((run) => run());
  return { place, clock, saved, runWaiting };
}

describe('ReadingPlace', () => {
  it('saves nothing before it starts, nor an unchanged place', () => {
    const { place, clock, saved } = reading();
    clock.onScreen = 300;
    place.take(0.3);
    expect(saved).toEqual([]);
    place.start(0.3, 300);
    place.take(0.3);
    place.save(true);
    expect(saved).toEqual([]);
  });

  it('saves at most once a second while scrolling, and the latest place after', () => {
    const { place, clock, saved, runWaiting } = reading();
    place.start(0, 0);
    clock.onScreen = 100;
    place.take(0.1);
    clock.time += 200;
    clock.onScreen = 123;
    place.take(0.12);
    expect(saved).toEqual([0.1]);
    clock.time += 1000;
    runWaiting();
    expect(saved).toEqual([0.1, 0.123]);
    expect(place.scrolled).toBe(0.12);
  });

  it('saves at once on leaving, however recent the last save', () => {
    const { place, clock, saved } = reading();
    place.start(0, 0);
    clock.onScreen = 100;
    place.take(0.1);
    clock.onScreen = 500;
    place.take(0.5);
    place.save(true);
    expect(saved).toEqual([0.1, 0.5]);
  });

  it('tries again after a save that failed', async () => {
    const { place, clock, saved } = reading({ failSaves: true });
    place.start(0, 0);
    clock.onScreen = 100;
    place.take(0.1);
    await Promise.resolve();
    place.save(true);
    expect(saved).toEqual([0.1, 0.1]);
  });

  it('keeps the place taken before a run of layout changes until they settle', () => {
    const { place, clock } = reading();
    place.start(0.2, 200);
    expect(place.relayout('serif|19')).toBeNull();
    expect(place.relayout('serif|19')).toBeNull();
    expect(place.relayout('sans|19')).toBe(200);
    clock.onScreen = 260;
    place.take(0.3);
    expect(place.offset).toBe(200);
    clock.time += 500;
    expect(place.relayout('sans|21')).toBe(200);
    clock.time += 1001;
    place.take(0.3);
    expect(place.offset).toBe(260);
    expect(place.progress).toBe(0.26);
  });
});
