import * as v from 'valibot';
import type { TrashApi } from '../api/trash';
import { articleIds, type ArgsSchemas } from './common';

export const trashArgs: ArgsSchemas<TrashApi> = {
  listTrash: v.strictTuple([]),
  trashArticles: v.strictTuple([articleIds]),
  restoreArticles: v.strictTuple([articleIds]),
  emptyTrash: v.union([v.strictTuple([]), v.strictTuple([articleIds])]),
};
