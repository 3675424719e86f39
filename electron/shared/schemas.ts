/**
 * Argument schemas for every API method, one file per feature. The backend
 * validates each call against these before anything else runs, whichever
 * transport carried it.
 */
import type { LecternApi } from './api';
import { articlesArgs } from './schemas/articles';
import type { ArgsSchemas } from './schemas/common';
import { bulkArgs } from './schemas/bulk';
import { importArgs } from './schemas/import';
import { searchArgs } from './schemas/search';
import { tagsArgs } from './schemas/tags';
import { trashArgs } from './schemas/trash';
import { annotationsArgs } from './schemas/annotations';
import { settingsArgs } from './schemas/settings';
import { exportArgs } from './schemas/export';
import { appArgs } from './schemas/app';
import { clipperArgs } from './schemas/clipper';

export const apiArgs: ArgsSchemas<LecternApi> = {
  ...articlesArgs,
  ...importArgs,
  ...searchArgs,
  ...tagsArgs,
  ...bulkArgs,
  ...trashArgs,
  ...annotationsArgs,
  ...settingsArgs,
  ...exportArgs,
  ...appArgs,
  ...clipperArgs,
};
