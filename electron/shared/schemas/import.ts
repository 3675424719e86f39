import * as v from 'valibot';
import { APP_EXPORT_HEAD_BYTES, type ImportApi } from '../api/import';
import { MAX_TEXT_CHARS } from '../limits';
import { articleId, type ArgsSchemas } from './common';

export const fileInput = v.object({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
  type: v.pipe(v.string(), v.maxLength(255)),
  bytes: v.instance(Uint8Array),
  path: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(4096))),
});

const job = v.optional(
  v.strictObject({
    jobId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
    total: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000))),
  }),
);
/** Only web addresses: a clip's url becomes a link in the reader, where javascript: or file: would be a trap. */
export const webUrl = v.pipe(
  v.string(),
  v.url(),
  v.maxLength(8192),
  v.regex(/^https?:\/\//i, 'must be a web address'),
);

const textInput = v.object({
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT_CHARS)),
  html: v.optional(v.pipe(v.string(), v.maxLength(MAX_TEXT_CHARS))),
  title: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  url: v.optional(webUrl),
});

export const importArgs: ArgsSchemas<ImportApi> = {
  importFiles: v.strictTuple([v.pipe(v.array(fileInput), v.maxLength(10_000)), job]),
  importText: v.strictTuple([textInput]),
  importUrls: v.strictTuple([v.pipe(v.array(webUrl), v.minLength(1), v.maxLength(1000)), job]),
  retryArticle: v.strictTuple([articleId]),
  retryPendingLinks: v.strictTuple([]),
  fetchMissingImages: v.strictTuple([articleId]),
  cancelImport: v.strictTuple([v.pipe(v.string(), v.minLength(1), v.maxLength(100))]),
  importAppExport: v.strictTuple([
    v.union([
      v.strictObject({ file: fileInput, listItems: v.optional(v.boolean()) }),
      v.strictObject({
        path: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)),
        listItems: v.optional(v.boolean()),
      }),
    ]),
  ]),
  linkQueueStatus: v.strictTuple([]),
  pauseLinkQueue: v.strictTuple([v.boolean()]),
  detectAppExport: v.strictTuple([
    v.pipe(
      v.instance(Uint8Array),
      v.check((head) => head.byteLength <= APP_EXPORT_HEAD_BYTES, 'is longer than a file’s head'),
    ),
  ]),
};
