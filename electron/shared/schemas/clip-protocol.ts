/**
 * Schemas for what the web clipper sends the clip endpoint (clip-protocol.ts).
 * Objects are not strict: a newer extension may add a field an older Lectern
 * ignores, which is how the protocol grows without raising its version.
 */
import * as v from 'valibot';
import type { ClipRequest, PairRequest } from '../clip-protocol';
import { MAX_CLIP_BYTES } from '../clip-protocol';
import { MAX_NOTE_CHARS } from '../limits';
import { webUrl } from './import';
import { tagName } from './tags';

const label = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'is empty'), v.maxLength(max));

export const pairRequest: v.GenericSchema<unknown, PairRequest> = v.object({
  browser: label(100),
  extensionId: v.pipe(v.string(), v.regex(/^[\w.@{}-]{1,200}$/, 'is not an extension id')),
});

export const clipRequest: v.GenericSchema<unknown, ClipRequest> = v.object({
  requestId: v.pipe(v.string(), v.regex(/^[\w-]{8,100}$/, 'is not a request id')),
  kind: v.picklist(['page', 'selection', 'link']),
  url: webUrl,
  title: v.pipe(v.string(), v.maxLength(1000)),
  html: v.optional(v.pipe(v.string(), v.maxLength(MAX_CLIP_BYTES))),
  images: v.pipe(
    v.array(
      v.object({
        url: v.pipe(v.string(), v.minLength(1), v.maxLength(8192)),
        part: v.pipe(v.string(), v.regex(/^[\w.-]{1,100}$/, 'is not a part name')),
      }),
    ),
    v.maxLength(1000),
  ),
  tags: v.pipe(v.array(tagName), v.maxLength(100)),
  state: v.picklist(['inbox', 'archive']),
  note: v.pipe(v.string(), v.maxLength(MAX_NOTE_CHARS)),
});
