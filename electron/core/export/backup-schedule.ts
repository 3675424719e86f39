/**
 * The nightly backup, run by the backend while the app is open: a full
 * backup (backup.ts) into the chosen folder at the chosen local time,
 * keeping the newest N. The schedule and the last result live in the
 * library's settings (shared/settings.ts), so every window shows them.
 *
 * It is a catch-up schedule, not a timer that must fire at the minute: a
 * backup is due whenever the latest scheduled time has passed since the
 * last attempt. So a laptop asleep at 02:00, or an app started at 09:00,
 * makes the missed backup as soon as it can, and one attempt covers each
 * scheduled time however long the app was away. The timer wakes at the
 * next scheduled time but at least hourly, which also absorbs a clock that
 * jumped (sleep, a time-zone change). A failed attempt is recorded with
 * its reason and not retried until the next scheduled time: a full disk
 * does not empty itself in a minute, and the person sees the message.
 *
 * Each backup is written under a temporary name and renamed when whole
 * (output.ts), and rotation only removes files named the way this module
 * names them, so the person's other files in that folder are never touched.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../../shared/errors';
import type { BackupResult, BackupSchedule } from '../../shared/settings';
import type { Library } from '../library/library';
import { writeBackup } from './backup';

/** The longest the timer sleeps before looking again. */
const MAX_WAIT_MS = 60 * 60 * 1000;

/** lectern-backup-2026-12-03-0200.zip: local date and time, so names sort by age. */
const BACKUP_NAME = /^lectern-backup-\d{4}-\d{2}-\d{2}-\d{4}\.zip$/;

/** What the scheduler needs of time: now, and a timer it can cancel (tests drive both). */
export interface Clock {
  now(): Date;
  setTimer(ms: number, run: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimer(ms, run) {
    const timer = setTimeout(run, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/** The latest time of day `time` ("HH:MM", local) at or before `now`. */
export function lastSlot(time: string, now: Date): Date {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const slot = new Date(now);
  slot.setHours(hours, minutes, 0, 0);
  if (slot > now) slot.setDate(slot.getDate() - 1);
  return slot;
}

/** Whether a backup is due: on, a folder chosen, and no attempt since the latest scheduled time. */
export function backupDue(schedule: BackupSchedule, last: BackupResult | null, now: Date): boolean {
  if (!schedule.enabled || !schedule.folder) return false;
  return last === null || Date.parse(last.at) < lastSlot(schedule.time, now).getTime();
}

const pad = (n: number) => String(n).padStart(2, '0');

export function backupFileName(at: Date): string {
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `lectern-backup-${date}-${pad(at.getHours())}${pad(at.getMinutes())}.zip`;
}

/** Removes the oldest backups this scheduler wrote in `folder` beyond the newest `keep`. */
async function rotate(folder: string, keep: number): Promise<void> {
  const ours = (await readdir(folder)).filter((name) => BACKUP_NAME.test(name)).sort();
  for (const name of ours.slice(0, Math.max(0, ours.length - keep)))
    await rm(join(folder, name), { force: true });
}

export class BackupScheduler {
  #stopTimer: () => void = () => {};
  #stopListening: () => void = () => {};
  #running: Promise<BackupResult> | null = null;
  #started = false;

  constructor(
    private readonly library: Library,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Makes a missed backup now, then wakes for the next; a change of schedule is heard at once. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#stopListening = this.library.onChange((event) => {
      if (event.type === 'settings-changed') this.#look();
    });
    this.#look();
  }

  /** A check from a timer or an event: nobody awaits it, so a failure (lectern.json unwritable) is logged. */
  #look(): void {
    this.check().catch((error: unknown) =>
      console.warn(`Lectern: the scheduled backup could not run: ${errorMessage(error)}`),
    );
  }

  /** Stops the timer and waits for a backup under way to finish. */
  async stop(): Promise<void> {
    this.#started = false;
    this.#stopTimer();
    this.#stopListening();
    await this.#running;
  }

  /** Runs a due backup, then sets the timer for the next look. */
  async check(): Promise<void> {
    const { backup, lastBackup } = this.library.file.readerSettings();
    if (!this.#running && backupDue(backup, lastBackup, this.clock.now())) await this.runNow();
    if (!this.#started) return;
    this.#stopTimer();
    const now = this.clock.now();
    const next = lastSlot(backup.time, now);
    next.setDate(next.getDate() + 1);
    const wait = Math.min(Math.max(next.getTime() - now.getTime(), 1000), MAX_WAIT_MS);
    this.#stopTimer = this.clock.setTimer(wait, () => this.#look());
  }

  /** Writes a backup into the schedule's folder now (also for Back up now) and records the result. */
  runNow(): Promise<BackupResult> {
    this.#running ??= this.#backUp().finally(() => (this.#running = null));
    return this.#running;
  }

  async #backUp(): Promise<BackupResult> {
    const { backup: schedule } = this.library.file.readerSettings();
    const at = this.clock.now();
    let result: BackupResult;
    if (!schedule.folder) {
      result = { at: at.toISOString(), ok: false, error: 'Choose a folder for the backups first.' };
    } else {
      try {
        const path = join(schedule.folder, backupFileName(at));
        await writeBackup(this.library, path, { now: at });
        const { size } = await stat(path);
        await rotate(schedule.folder, schedule.keep);
        result = { at: at.toISOString(), ok: true, path, bytes: size };
      } catch (error) {
        result = { at: at.toISOString(), ok: false, error: errorMessage(error) };
      }
    }
    await this.library.file.updateReaderSettings({ lastBackup: result });
    return result;
  }
}
