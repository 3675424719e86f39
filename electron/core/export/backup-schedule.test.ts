import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BACKUP_SCHEDULE, type BackupResult, type BackupSchedule } from '../../shared/settings';
import { Library } from '../library/library';
import { backupDue, backupFileName, BackupScheduler, lastSlot, type Clock } from './backup-schedule';

/** Local time on a given day, so the tests hold in any time zone. */
const local = (day: number, hours: number, minutes = 0) => new Date(2026, 11, day, hours, minutes);

/** A clock the test moves by hand; timers fire as it passes them. */
function manualClock(start: Date): Clock & { advanceTo(to: Date): void } {
  let now = start.getTime();
  let timers: { at: number; run: () => void }[] = [];
  return {
    now: () => new Date(now),
    setTimer(ms, run) {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => (timers = timers.filter((t) => t !== timer));
    },
    advanceTo(to) {
      while (true) {
        const next = timers.filter((t) => t.at <= to.getTime()).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        timers = timers.filter((t) => t !== next);
        now = next.at;
        next.run();
      }
      now = to.getTime();
    },
  };
}

const on: BackupSchedule = { ...DEFAULT_BACKUP_SCHEDULE, enabled: true, folder: '/backups', time: '02:00' };

describe('backupDue', () => {
  const ran = (at: Date): BackupResult => ({ at: at.toISOString(), ok: true, path: '/b.zip', bytes: 1 });
  it.each([
    ['off', { ...on, enabled: false }, null, false],
    ['no folder chosen', { ...on, folder: '' }, null, false],
    ['never run', on, null, true],
    ['last run before the latest 02:00', on, ran(local(2, 23)), true],
    ['last run after the latest 02:00', on, ran(local(3, 2, 5)), false],
  ])('%s', (_name, schedule, last, due) => {
    expect(backupDue(schedule, last, local(3, 9))).toBe(due);
  });

  it('takes the latest scheduled time at or before now, yesterday’s before the hour', () => {
    expect(lastSlot('02:00', local(3, 9))).toEqual(local(3, 2));
    expect(lastSlot('02:00', local(3, 1))).toEqual(local(2, 2));
  });
});

describe('BackupScheduler', () => {
  let dir: string;
  let folder: string;
  let library: Library;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lectern-schedule-'));
    folder = join(dir, 'backups');
    library = await Library.open(join(dir, 'library'));
  });
  afterEach(async () => {
    await library.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('catches up on start when the app was closed at the scheduled time, and records the result', async () => {
    await library.file.updateReaderSettings({
      backup: { ...on, folder },
      lastBackup: { at: local(1, 2).toISOString(), ok: true, path: 'old', bytes: 1 },
    });
    const clock = manualClock(local(3, 9, 30));
    const scheduler = new BackupScheduler(library, clock);
    scheduler.start();
    await vi.waitFor(() =>
      expect(library.file.readerSettings().lastBackup?.at).toBe(local(3, 9, 30).toISOString()),
    );
    const last = library.file.readerSettings().lastBackup;
    expect(last).toMatchObject({ ok: true, path: join(folder, backupFileName(local(3, 9, 30))) });
    expect(last?.ok && last.bytes).toBeGreaterThan(0);
    expect(await readdir(folder)).toEqual([backupFileName(local(3, 9, 30))]);
    await scheduler.stop();
  });

  it('runs each night at the chosen time and keeps only the newest, leaving other files alone', async () => {
    await library.file.updateReaderSettings({ backup: { ...on, folder, keep: 2 } });
    const clock = manualClock(local(3, 1, 59));
    const scheduler = new BackupScheduler(library, clock);
    await library.file.updateReaderSettings({
      lastBackup: { at: local(3, 1, 0).toISOString(), ok: true, path: 'x', bytes: 1 },
    });
    scheduler.start();
    await scheduler.check();
    expect(await readdir(folder).catch(() => [])).toEqual([]);
    await writeFile(join(dir, 'mine.txt'), '');
    for (const day of [3, 4, 5]) {
      clock.advanceTo(local(day, 2, 1));
      await vi.waitFor(() =>
        expect(library.file.readerSettings().lastBackup?.at).toBe(local(day, 2).toISOString()),
      );
    }
    expect((await readdir(folder)).sort()).toEqual([
      backupFileName(local(4, 2)),
      backupFileName(local(5, 2)),
    ]);
    await scheduler.stop();
  });

  it('records a failure in words and leaves no half-written file', async () => {
    await writeFile(folder, 'a file where the folder should be');
    await library.file.updateReaderSettings({ backup: { ...on, folder } });
    const scheduler = new BackupScheduler(library, manualClock(local(3, 9)));
    const result = await scheduler.runNow();
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/could not write the export to .*backups/),
    });
    expect(library.file.readerSettings().lastBackup).toEqual(result);
    expect((await readdir(dir)).sort()).toEqual(['backups', 'library']);
  });
});
