import { describe, expect, it } from 'vitest';
import { isPageNumber, withoutRunningLines, type PlacedLine } from './pdf-running-lines';
import { itReturns } from '../../../shared/testing/returns';

describe('isPageNumber', () => {
  itReturns(isPageNumber, [
    ['12', true],
    ['- 12 -', true],
    ['– 7 –', true],
    ['Page 12 of 40', true],
    ['page 3', true],
    ['12/40', true],
    ['xii', true],
    ['iv', true],
    ['I', false],
    ['did', false],
    ['mild', false],
    ['12 boats were lost', false],
    ['Page', false],
    ['1912–1920', false],
  ]);
});

describe('withoutRunningLines', () => {
  const line = (text: string, page: number, margin: PlacedLine['margin'] = null): PlacedLine => ({
    text,
    page,
    margin,
  });

  it('drops alternating headers whose number follows the page, and keeps the body', () => {
    const lines = [1, 2, 3, 4, 5, 6].flatMap((page) => [
      line(page % 2 ? `The Harbour ${page}` : `${page} Tide Tables`, page, 'top'),
      line(`Body text of page ${page}.`, page),
    ]);
    expect(withoutRunningLines(lines).map((kept) => kept.text)).toEqual(
      [1, 2, 3, 4, 5, 6].map((page) => `Body text of page ${page}.`),
    );
  });

  it('keeps a line printed once in a margin, and one repeated outside the margins', () => {
    const lines = [
      line('Printed once at the foot of a page.', 1, 'bottom'),
      ...[1, 2, 3].map((page) => line('A refrain sung in the middle of each page.', page)),
    ];
    expect(withoutRunningLines(lines)).toEqual(lines);
  });
});
