/**
 * The whole API contract, assembled from one service per feature
 * (services/*.ts). Each trusts its arguments: dispatch.ts validates them.
 */
import type { LecternApi } from '../shared/api';
import { articlesService } from './services/articles';
import { bulkService } from './services/bulk';
import type { ServiceContext } from './services/context';
import { importService, type ImportServiceOptions } from './services/import';
import { searchService } from './services/search';
import { tagsService } from './services/tags';
import { trashService } from './services/trash';
import { annotationsService } from './services/annotations';
import { settingsService } from './services/settings';
import { exportService } from './services/export';
import { appService } from './services/app';
import type { Clipper } from './clip/clipper';
import { clipperService } from './clip/clipper-service';

export function createService(
  context: ServiceContext,
  clipper: Clipper,
  importOptions?: ImportServiceOptions,
): LecternApi {
  return {
    ...articlesService(context),
    ...importService(context, importOptions),
    ...searchService(context),
    ...tagsService(context),
    ...bulkService(context),
    ...trashService(context),
    ...annotationsService(context),
    ...settingsService(context),
    ...exportService(context),
    ...appService(context),
    ...clipperService(clipper),
  };
}
