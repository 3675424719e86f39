import * as v from 'valibot';
import type { ClipperApi } from '../api/clipper';
import type { ArgsSchemas } from './common';

const clipperId = v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/, 'is not a pairing id'));

export const clipperArgs: ArgsSchemas<ClipperApi> = {
  listClippers: v.strictTuple([]),
  allowClipper: v.strictTuple([clipperId]),
  denyClipper: v.strictTuple([clipperId]),
  revokeClipper: v.strictTuple([clipperId]),
};
