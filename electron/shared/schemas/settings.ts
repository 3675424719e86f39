import * as v from 'valibot';
import type { SettingsApi } from '../api/settings';
import { HIGHLIGHT_COLORS } from '../annotation';
import {
  BACKUP_KEEP_RANGE,
  BACKUP_TIME_PATTERN,
  FONTS,
  LIST_DENSITIES,
  SETTING_RANGES,
  THEMES,
} from '../settings';
import type { ArgsSchemas } from './common';
import { absolutePath } from './export';

const ranged = ({ min, max }: { min: number; max: number }) =>
  v.optional(v.pipe(v.number(), v.minValue(min), v.maxValue(max)));

export const settingsArgs: ArgsSchemas<SettingsApi> = {
  getSettings: v.strictTuple([]),
  updateSettings: v.strictTuple([
    v.strictObject({
      theme: v.optional(v.picklist(THEMES)),
      font: v.optional(v.picklist(FONTS)),
      fontSize: ranged(SETTING_RANGES.fontSize),
      lineHeight: ranged(SETTING_RANGES.lineHeight),
      contentWidth: ranged(SETTING_RANGES.contentWidth),
      justify: v.optional(v.boolean()),
      highlightColor: v.optional(v.picklist(HIGHLIGHT_COLORS)),
      notebookOpen: v.optional(v.boolean()),
      listDensity: v.optional(v.picklist(LIST_DENSITIES)),
      // The last backup's result is the backend's to write; a window only changes the schedule.
      backup: v.optional(
        v.strictObject({
          enabled: v.boolean(),
          folder: v.union([v.literal(''), absolutePath]),
          keep: v.pipe(
            v.number(),
            v.integer(),
            v.minValue(BACKUP_KEEP_RANGE.min),
            v.maxValue(BACKUP_KEEP_RANGE.max),
          ),
          time: v.pipe(v.string(), v.regex(BACKUP_TIME_PATTERN)),
        }),
      ),
    }),
  ]),
};
