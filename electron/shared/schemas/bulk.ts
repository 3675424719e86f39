import * as v from 'valibot';
import type { BulkApi } from '../api/bulk';
import { articleId, articleIds, type ArgsSchemas } from './common';
import { tagName } from './tags';

const status = v.picklist(['inbox', 'archived']);

const bulkPatch = v.pipe(
  v.strictObject({
    status: v.optional(status),
    favorite: v.optional(v.boolean()),
    read: v.optional(v.boolean()),
  }),
  v.check((patch) => Object.keys(patch).length > 0, 'changes nothing'),
);

const articleState = v.strictObject({
  id: articleId,
  status,
  favorite: v.boolean(),
  tags: v.pipe(v.array(tagName), v.maxLength(1000)),
  progress: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
});

export const bulkArgs: ArgsSchemas<BulkApi> = {
  updateArticles: v.strictTuple([articleIds, bulkPatch]),
  restoreStates: v.strictTuple([v.pipe(v.array(articleState), v.maxLength(100_000))]),
};
