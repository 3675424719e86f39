import { describe, expect, it } from 'vitest';
import { Finder } from './finder.svelte';

const TEXT = 'The sand flats, the Sand Flats, and the sand.';

describe('Finder', () => {
  it('finds nothing while the bar is closed', () => {
    const finder = new Finder(() => TEXT);
    finder.query = 'sand';
    expect(finder.matches).toEqual([]);
    finder.open = true;
    expect(finder.matches.map((match) => match.start)).toEqual([4, 20, 40]);
  });

  it('finds nothing while the text is not on the page', () => {
    const finder = new Finder(() => null);
    finder.open = true;
    expect(finder.search('sand')).toBeNull();
  });

  it('makes the first match current on a new query, and steps round both ends', () => {
    const finder = new Finder(() => TEXT);
    finder.open = true;
    expect(finder.search('sand')).toEqual({ start: 4, end: 8 });
    expect(finder.current).toBe(0);
    expect(finder.step(-1)).toEqual({ start: 40, end: 44 });
    expect(finder.step(1)).toEqual({ start: 4, end: 8 });
    expect(finder.step(1)?.start).toBe(20);
  });

  it('forgets the query on closing', () => {
    const finder = new Finder(() => TEXT);
    finder.open = true;
    finder.search('sand');
    finder.close();
    expect(finder.open).toBe(false);
    expect(finder.query).toBe('');
    finder.open = true;
    expect(finder.matches).toEqual([]);
  });
});
