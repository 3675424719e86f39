/**
 * Argument schemas for every API method, one file per feature. The backend
 * validates each call against these before anything else runs, whichever
 * transport carried it.
 */
import type { LecternApi } from './api';
import { articlesArgs } from './schemas/articles';
import type { ArgsSchemas } from './schemas/common';
import { importArgs } from './schemas/import';
import { annotationsArgs } from './schemas/annotations';
import { settingsArgs } from './schemas/settings';

export const apiArgs: ArgsSchemas<LecternApi> = {
  ...articlesArgs,
  ...importArgs,
  ...annotationsArgs,
  ...settingsArgs,
};
