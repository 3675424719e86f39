import * as v from 'valibot';
import type { AppApi } from '../api/app';
import { MAX_TEMPLATE_LENGTH } from '../library-options';
import type { ArgsSchemas } from './common';

export const appArgs: ArgsSchemas<AppApi> = {
  getAppInfo: v.strictTuple([]),
  getLibraryOptions: v.strictTuple([]),
  updateLibraryOptions: v.strictTuple([
    v.strictObject({
      fetchImages: v.optional(v.boolean()),
      markdownTemplate: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(MAX_TEMPLATE_LENGTH)))),
    }),
  ]),
};
