/**
 * Argument schemas for every API method. The backend validates each call
 * against these before anything else runs, whichever transport carried it.
 * The mapped type makes a method without a schema a compile error.
 */
import * as v from 'valibot';
import type { LecternApi } from './api';
import { ARTICLE_ID_PATTERN } from './ids';
import { MAX_TEXT_CHARS } from './limits';

const articleId = v.pipe(v.string(), v.regex(ARTICLE_ID_PATTERN, 'is not an article id'));

const fileInput = v.object({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
  type: v.pipe(v.string(), v.maxLength(255)),
  bytes: v.instance(Uint8Array),
});

const textInput = v.object({
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT_CHARS)),
  title: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  url: v.optional(v.pipe(v.string(), v.url(), v.maxLength(8192))),
});

const articlePatch = v.strictObject({
  status: v.optional(v.picklist(['inbox', 'archived'])),
  favorite: v.optional(v.boolean()),
  progress: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  title: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(1000))),
});

type ArgsSchemas = {
  [K in keyof LecternApi]: v.GenericSchema<unknown, Parameters<LecternApi[K]>>;
};

export const apiArgs: ArgsSchemas = {
  listArticles: v.strictTuple([]),
  getArticle: v.strictTuple([articleId]),
  importFiles: v.strictTuple([v.pipe(v.array(fileInput), v.maxLength(10_000))]),
  importText: v.strictTuple([textInput]),
  updateArticle: v.strictTuple([articleId, articlePatch]),
  deleteArticle: v.strictTuple([articleId]),
};
