import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings } from './settings';

describe('readSettings', () => {
  it.each([
    { stored: undefined, expected: DEFAULT_SETTINGS },
    { stored: 'nonsense', expected: DEFAULT_SETTINGS },
    { stored: { theme: 'dark' }, expected: { ...DEFAULT_SETTINGS, theme: 'dark' } },
    { stored: { theme: 'neon', fontSize: 20 }, expected: { ...DEFAULT_SETTINGS, fontSize: 20 } },
    { stored: { fontSize: 200, justify: 'yes' }, expected: DEFAULT_SETTINGS },
    { stored: { highlightColor: 'purple' }, expected: { ...DEFAULT_SETTINGS, highlightColor: 'purple' } },
  ])('reads $stored field by field', ({ stored, expected }) => {
    expect(readSettings(stored)).toEqual(expected);
  });
});
