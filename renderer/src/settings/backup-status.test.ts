import { describe, expect, it } from 'vitest';
import { backupSize, backupStatus } from './backup-status';

describe('backupStatus', () => {
  it('says when nothing was backed up yet, the size and place of a backup, or why it failed', () => {
    expect(backupStatus(null)).toBe('No backup has been made yet.');
    const at = '2026-12-03T02:00:00.000Z';
    expect(backupStatus({ at, ok: true, path: '/b/x.zip', bytes: 5 * 1024 * 1024 }, 'en-GB')).toMatch(
      /^Last backup .*2026.*: 5\.0 MB, \/b\/x\.zip$/,
    );
    expect(backupStatus({ at, ok: false, error: 'The disk is full.' }, 'en-GB')).toMatch(
      /^The backup at .* failed: The disk is full\.$/,
    );
  });

  it('gives small backups in kilobytes', () => {
    expect(backupSize(300)).toBe('1 KB');
    expect(backupSize(20_480)).toBe('20 KB');
  });
});
