import * as v from 'valibot';
import type { ArticlesApi } from '../api/articles';
import { EDITABLE_DETAILS } from '../article';
import { articleId, articleIds, type ArgsSchemas } from './common';

const title = v.pipe(v.string(), v.trim(), v.minLength(1, 'is empty'), v.maxLength(1000));
/** A byline or site: empty means the person cleared it, stored as null. */
const label = v.nullable(
  v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(1000),
    v.transform((text) => text || null),
  ),
);
const day = v.nullable(
  v.pipe(
    v.string(),
    v.regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date as YYYY-MM-DD'),
    v.check((text) => !Number.isNaN(Date.parse(text)), 'is not a date'),
  ),
);

const articlePatch = v.strictObject({
  status: v.optional(v.picklist(['inbox', 'archived'])),
  favorite: v.optional(v.boolean()),
  progress: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  title: v.optional(title),
});

const edits = v.pipe(
  v.strictObject({
    title: v.optional(title),
    byline: v.optional(label),
    siteName: v.optional(label),
    published: v.optional(day),
  }),
  v.check((patch) => Object.keys(patch).length > 0, 'changes nothing'),
);

const jobId = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const versionId = v.pipe(v.string(), v.regex(/^[0-9TZ-]{10,40}$/, 'is not a version id'));

export const articlesArgs: ArgsSchemas<ArticlesApi> = {
  listArticles: v.strictTuple([]),
  getArticle: v.strictTuple([articleId]),
  updateArticle: v.strictTuple([articleId, articlePatch]),
  deleteArticle: v.strictTuple([articleId]),
  acceptRecovered: v.strictTuple([articleId]),
  editArticle: v.strictTuple([articleId, edits]),
  resetArticleEdits: v.strictTuple([
    articleId,
    v.optional(v.pipe(v.array(v.picklist(EDITABLE_DETAILS)), v.maxLength(EDITABLE_DETAILS.length))),
  ]),
  reextractArticles: v.strictTuple([articleIds, v.optional(v.strictObject({ jobId }))]),
  cancelReextract: v.strictTuple([jobId]),
  listVersions: v.strictTuple([articleId]),
  restoreVersion: v.strictTuple([articleId, versionId]),
};
