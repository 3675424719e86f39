/**
 * The whole API contract, assembled from one service per feature
 * (services/*.ts). Each trusts its arguments: dispatch.ts validates them.
 */
import type { LecternApi } from '../shared/api';
import { articlesService } from './services/articles';
import type { ServiceContext } from './services/context';
import { importService } from './services/import';
import { annotationsService } from './services/annotations';
import { settingsService } from './services/settings';

export function createService(context: ServiceContext): LecternApi {
  return {
    ...articlesService(context),
    ...importService(context),
    ...annotationsService(context),
    ...settingsService(context),
  };
}
