import * as v from 'valibot';
import type { SettingsApi } from '../api/settings';
import { HIGHLIGHT_COLORS } from '../annotation';
import { FONTS, SETTING_RANGES, THEMES } from '../settings';
import type { ArgsSchemas } from './common';

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
    }),
  ]),
};
