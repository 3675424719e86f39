/**
 * The reader's settings: theme and typography, the last highlight colour and
 * whether the notebook is open. Stored in lectern.json under
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
};

function pick<T>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function inRange(range: { min: number; max: number }, value: unknown, fallback: number): number {
  return typeof value === 'number' && value >= range.min && value <= range.max ? value : fallback;
}

/** Settings from whatever lectern.json holds, each field checked on its own. */
export function readSettings(stored: unknown): ReaderSettings {
  const raw = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
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
  };
}
