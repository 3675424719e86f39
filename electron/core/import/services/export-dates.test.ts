import { describe, expect, it } from 'vitest';
import { chromeTime, textDate, unixTime } from './export-dates';
import { itReturnsSame } from '../../../shared/testing/returns';

const DAY = Date.UTC(2021, 2, 21, 14, 39, 19);

describe('export dates', () => {
  itReturnsSame(unixTime, DAY, 'reads Unix time in %s', [
    ['seconds', '1616337559'],
    ['milliseconds', '1616337559000'],
    ['microseconds', '1616337559000000'],
    ['a number', 1616337559],
  ]);

  it.each([
    ['Z', '2021-03-21T14:39:19.000Z'],
    ['+00:00 with microseconds', '2021-03-21 14:39:19.123456+00:00'],
    ['+0200 without a colon', '2021-03-21T16:39:19+0200'],
    ['digits', '1616337559'],
  ])('reads ISO-like text with %s', (_name, value) => {
    expect(Math.floor(textDate(value)! / 1000)).toBe(DAY / 1000);
  });

  it('reads Chrome time from 1601 exactly', () => {
    expect(new Date(chromeTime('13118850929335823')!).toISOString()).toBe('2016-09-20T13:15:29.335Z');
  });

  itReturnsSame(textDate, undefined, 'refuses %s rather than invent a date', [
    ['year 50000', '50000-01-01T00:00:00Z'],
    ['garbage', 'yesterday'],
    ['empty', ''],
    ['zero', '0'],
  ]);

  it('refuses a Unix time no unit makes plausible', () => {
    expect(unixTime('1577836800000000000000')).toBeUndefined();
    expect(chromeTime('99999999999999999999')).toBeUndefined();
  });
});
