import * as v from 'valibot';
import { EXPORT_FORMATS, type ExportApi } from '../api/export';
import { articleIds, type ArgsSchemas } from './common';
import { fileInput } from './import';

/** An absolute path on any platform: "/…", "C:\…" or "\\server\…". */
export const absolutePath = v.pipe(
  v.string(),
  v.maxLength(4096),
  v.regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'must be an absolute path'),
  v.check((path) => !path.includes('\0'), 'must not hold a NUL character'),
);
const jobId = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

const request = v.strictObject({
  format: v.picklist(EXPORT_FORMATS),
  out: absolutePath,
  ids: v.optional(articleIds),
  query: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  includeText: v.optional(v.boolean()),
  template: v.optional(v.pipe(v.string(), v.maxLength(100_000))),
  includeTrash: v.optional(v.boolean()),
  title: v.optional(v.pipe(v.string(), v.maxLength(1000))),
});

const restoreRequest = v.strictObject({
  backup: absolutePath,
  target: v.variant('into', [
    v.strictObject({ into: v.literal('new'), dir: absolutePath }),
    v.strictObject({ into: v.literal('merge') }),
  ]),
});

export const exportArgs: ArgsSchemas<ExportApi> = {
  exportArticles: v.strictTuple([request, v.optional(v.strictObject({ jobId }))]),
  cancelExport: v.strictTuple([jobId]),
  uploadBackup: v.strictTuple([fileInput]),
  previewRestore: v.strictTuple([restoreRequest]),
  restoreBackup: v.strictTuple([restoreRequest, v.optional(v.strictObject({ jobId }))]),
  openLibrary: v.strictTuple([absolutePath]),
  backUpNow: v.strictTuple([]),
};
