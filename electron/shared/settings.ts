/**
 * The reader's settings: theme and typography, the last highlight colour and
 * whether the notebook is open; how dense the article list is; and the scheduled backup with its last
 * result, which the backend writes here so every window hears of it with the
 * other settings. Stored in lectern.json under
 * `settings.reader`, so they follow the library across machines. Reading is
 * forgiving: a missing or out-of-range value (an older Lectern, a hand edit)
 * falls back to its default alone instead of resetting the rest.
 */
import type { HighlightColor } from './annotation';
import { HIGHLIGHT_COLORS } from './annotation';

export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];

export const FONTS = ['serif', 'sans', 'mono'] as const;
export type FontChoice = (typeof FONTS)[number];

/** The article list with thumbnails and two-line excerpts, or compact: one line, no thumbnail. */
export const LIST_DENSITIES = ['comfortable', 'compact'] as const;
export type ListDensity = (typeof LIST_DENSITIES)[number];

/** The nightly backup (off by default): where, how many to keep, and when. */
export interface BackupSchedule {
  enabled: boolean;
  /** An absolute folder; empty until the person chooses one. */
  folder: string;
  /** Backups kept in the folder; older ones are removed after each new one. */
  keep: number;
  /** Local time of day, "HH:MM" (24-hour). */
  time: string;
}

/** How the last scheduled (or Back up now) backup went. */
export type BackupResult =
  { at: string; ok: true; path: string; bytes: number } | { at: string; ok: false; error: string };

export const BACKUP_KEEP_RANGE = { min: 1, max: 365 } as const;
export const BACKUP_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export const DEFAULT_BACKUP_SCHEDULE: BackupSchedule = { enabled: false, folder: '', keep: 7, time: '02:00' };

export interface ReaderSettings {
  theme: ThemeChoice;
  font: FontChoice;
  /** Body text size in CSS pixels. */
  fontSize: number;
  lineHeight: number;
  /** The measure, in characters (CSS `ch`). */
  contentWidth: number;
  justify: boolean;
  /** The colour `h` and the toolbar's first button use. */
  highlightColor: HighlightColor;
  notebookOpen: boolean;
  listDensity: ListDensity;
  backup: BackupSchedule;
  lastBackup: BackupResult | null;
}

/** Inclusive ranges and steps for the numeric settings. */
export const SETTING_RANGES = {
  fontSize: { min: 14, max: 28, step: 1 },
  lineHeight: { min: 1.3, max: 2, step: 0.05 },
  contentWidth: { min: 45, max: 90, step: 1 },
} as const;

export const DEFAULT_SETTINGS: ReaderSettings = {
  theme: 'system',
  font: 'serif',
  fontSize: 19,
  lineHeight: 1.65,
  contentWidth: 68,
  justify: false,
  highlightColor: 'yellow',
  notebookOpen: true,
  listDensity: 'comfortable',
  backup: DEFAULT_BACKUP_SCHEDULE,
  lastBackup: null,
};

function pick<T>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function inRange(range: { min: number; max: number }, value: unknown, fallback: number): number {
  return typeof value === 'number' && value >= range.min && value <= range.max ? value : fallback;
}

const record = (value: unknown): Record<string, unknown> =>
  (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;

function readBackupSchedule(stored: unknown): BackupSchedule {
  const raw = record(stored);
  const d = DEFAULT_BACKUP_SCHEDULE;
  return {
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : d.enabled,
    folder: typeof raw.folder === 'string' ? raw.folder : d.folder,
    keep: Number.isInteger(raw.keep) ? inRange(BACKUP_KEEP_RANGE, raw.keep, d.keep) : d.keep,
    time: typeof raw.time === 'string' && BACKUP_TIME_PATTERN.test(raw.time) ? raw.time : d.time,
  };
}

function readBackupResult(stored: unknown): BackupResult | null {
  const raw = record(stored);
  if (typeof raw.at !== 'string') return null;
  if (raw.ok === true && typeof raw.path === 'string' && typeof raw.bytes === 'number')
    return { at: raw.at, ok: true, path: raw.path, bytes: raw.bytes };
  if (raw.ok === false && typeof raw.error === 'string') return { at: raw.at, ok: false, error: raw.error };
  return null;
}

/** Settings from whatever lectern.json holds, each field checked on its own. */
export function readSettings(stored: unknown): ReaderSettings {
  const raw = record(stored);
  const d = DEFAULT_SETTINGS;
  return {
    theme: pick(THEMES, raw.theme, d.theme),
    font: pick(FONTS, raw.font, d.font),
    fontSize: inRange(SETTING_RANGES.fontSize, raw.fontSize, d.fontSize),
    lineHeight: inRange(SETTING_RANGES.lineHeight, raw.lineHeight, d.lineHeight),
    contentWidth: inRange(SETTING_RANGES.contentWidth, raw.contentWidth, d.contentWidth),
    justify: typeof raw.justify === 'boolean' ? raw.justify : d.justify,
    highlightColor: pick(HIGHLIGHT_COLORS, raw.highlightColor, d.highlightColor),
    notebookOpen: typeof raw.notebookOpen === 'boolean' ? raw.notebookOpen : d.notebookOpen,
    listDensity: pick(LIST_DENSITIES, raw.listDensity, d.listDensity),
    backup: readBackupSchedule(raw.backup),
    lastBackup: readBackupResult(raw.lastBackup),
  };
}
