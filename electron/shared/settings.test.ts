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
    {
      stored: { backup: { enabled: true, folder: '/b', keep: 0, time: '25:00' } },
      expected: { ...DEFAULT_SETTINGS, backup: { ...DEFAULT_SETTINGS.backup, enabled: true, folder: '/b' } },
    },
    {
      stored: { lastBackup: { at: '2026-12-03T02:00:00Z', ok: false, error: 'The disk is full.' } },
      expected: {
        ...DEFAULT_SETTINGS,
        lastBackup: { at: '2026-12-03T02:00:00Z', ok: false, error: 'The disk is full.' },
      },
    },
    { stored: { lastBackup: { at: 5, ok: true } }, expected: DEFAULT_SETTINGS },
    { stored: { listDensity: 'compact' }, expected: { ...DEFAULT_SETTINGS, listDensity: 'compact' } },
    { stored: { listDensity: 'tiny', theme: 'dark' }, expected: { ...DEFAULT_SETTINGS, theme: 'dark' } },
  ])('reads $stored field by field', ({ stored, expected }) => {
    expect(readSettings(stored)).toEqual(expected);
  });
});
