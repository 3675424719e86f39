import * as v from 'valibot';
import type { ArticlesApi } from '../api/articles';
import { articleId, type ArgsSchemas } from './common';

const articlePatch = v.strictObject({
  status: v.optional(v.picklist(['inbox', 'archived'])),
  favorite: v.optional(v.boolean()),
  progress: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  title: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(1000))),
});

export const articlesArgs: ArgsSchemas<ArticlesApi> = {
  listArticles: v.strictTuple([]),
  getArticle: v.strictTuple([articleId]),
  updateArticle: v.strictTuple([articleId, articlePatch]),
  deleteArticle: v.strictTuple([articleId]),
  acceptRecovered: v.strictTuple([articleId]),
};
