import { describe, expect, it } from 'vitest';
import { readingOrder, type Fragment } from './pdf-columns';

const PAGE = 612;
const at = (text: string, x0: number, x1: number, y: number): Fragment => ({ text, x0, x1, y });
const texts = (fragments: Fragment[]) => fragments.map((f) => f.text);

/** A page written line by line straight across two columns, as many producers do. */
function acrossColumns(rows: number): Fragment[] {
  const fragments = [at('A Title Across Both Columns', 72, 540, 740)];
  for (let row = 0; row < rows; row++) {
    const y = 700 - row * 14;
    fragments.push(at(`left ${row} words of a column that runs to its edge`, 72, 296, y));
    fragments.push(at(`right ${row} words of a column that runs to its edge`, 316, 540, y));
  }
  fragments.push(at('A footnote under both columns, full width across the page', 72, 540, 60));
  return fragments;
}

describe('readingOrder', () => {
  it('reads a two-column page down the left column, then the right, with titles and footnotes in place', () => {
    const order = texts(readingOrder(acrossColumns(3), PAGE));
    expect(order).toEqual([
      'A Title Across Both Columns',
      'left 0 words of a column that runs to its edge',
      'left 1 words of a column that runs to its edge',
      'left 2 words of a column that runs to its edge',
      'right 0 words of a column that runs to its edge',
      'right 1 words of a column that runs to its edge',
      'right 2 words of a column that runs to its edge',
      'A footnote under both columns, full width across the page',
    ]);
  });

  it('leaves a single-column page in stream order', () => {
    const page = [at('one', 72, 540, 700), at('two', 72, 300, 686), at('three', 72, 540, 672)];
    expect(readingOrder(page, PAGE)).toEqual(page);
  });

  it('reads a table of short labels and values across, row by row', () => {
    const rows = ['High water', 'Low water', 'Sunrise', 'Moonset'].flatMap((label, row) => [
      at(label, 72, 72 + label.length * 5, 700 - row * 14),
      at(`${row + 4}:12 in the morning, by the harbour clock`, 320, 540, 700 - row * 14),
    ]);
    expect(readingOrder(rows, PAGE)).toEqual(rows);
  });

  it('does not split a page whose text sits almost all on one side', () => {
    const page = [
      ...Array.from({ length: 8 }, (_, row) =>
        at('a long line of body text on the left', 72, 290, 700 - row * 14),
      ),
      at('12', 520, 530, 40),
    ];
    expect(readingOrder(page, PAGE)).toEqual(page);
  });
});
