import { describe, expect, it } from 'vitest';
import { trashedPhrase } from './article-meta';

describe('trashedPhrase', () => {
  const now = new Date(2026, 5, 20, 12, 0);
  const at = (month: number, day: number, hour = 12) => new Date(2026, month, day, hour).toISOString();

  it.each([
    ['an hour ago', at(5, 20, 11), 'Deleted today · 30 days left'],
    ['yesterday', at(5, 19), 'Deleted yesterday · 29 days left'],
    ['ten days ago', at(5, 10), /^Deleted .+ · 20 days left$/],
    [
      '29 days and an hour ago',
      new Date(now.getTime() - (29 * 24 + 1) * 3600_000).toISOString(),
      /· last day$/,
    ],
    ['past the 30 days, not yet emptied', at(4, 1), /· last day$/],
  ])('%s', (_, iso, expected) => {
    expect(trashedPhrase(iso, now)).toMatch(expected);
  });
});
