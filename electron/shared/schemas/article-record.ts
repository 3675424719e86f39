/**
 * The shape of what Lectern reads back from the library: an article.json
 * record, each of its highlights, and a catalog summary. Files on disk can be
 * damaged or edited by hand, so each is checked against these before it is
 * trusted; the library decides, field by field, what to keep and what to
 * recover (core/library/article-repair.ts). The highlight schema is the one
 * the API takes, so a stored highlight is held to the same rules as a new one.
 */
import * as v from 'valibot';
import { RECOVERED_FROM, SOURCE_KINDS } from '../article';
import { color, isoDate } from './annotations';

const text = v.string();
const maybeText = v.nullable(v.string());
const count = v.pipe(v.number(), v.minValue(0));
const fraction = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

/**
 * A stored highlight is checked for its shape, not for the API's tighter
 * rules (id pattern, lengths, the range spanning the quote): those guard what
 * comes in, and a highlight written by an older Lectern or another tool that
 * misses one still shows. A highlight without a usable target does not.
 */
export const storedHighlight = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  color,
  note: v.string(),
  createdAt: text,
  updatedAt: text,
  target: v.object({
    selector: v.tuple([
      v.object({ type: v.literal('TextQuoteSelector'), exact: text, prefix: text, suffix: text }),
      v.object({ type: v.literal('TextPositionSelector'), start: count, end: count }),
    ]),
  }),
  quote: v.optional(text),
});

export const articleSource = v.object({
  kind: v.picklist(SOURCE_KINDS),
  name: maybeText,
  sha256: text,
  original: text,
  importedFrom: v.optional(
    v.object({
      service: text,
      file: text,
      importedAt: isoDate,
      gaveUpAt: v.optional(isoDate),
      tries: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
      retryAt: v.optional(isoDate),
    }),
  ),
});

/** A record's details as extraction found them (see ArticleMeta.extracted). */
export const storedDetails = v.object({
  title: text,
  byline: maybeText,
  siteName: maybeText,
  published: maybeText,
});

/** Every field of a record, checked on its own: the repair takes the good ones as they are. */
export const recordFields = {
  title: text,
  byline: maybeText,
  siteName: maybeText,
  url: maybeText,
  published: maybeText,
  lang: maybeText,
  excerpt: text,
  wordCount: count,
  leadImage: v.optional(text),
  addedAt: isoDate,
  updatedAt: isoDate,
  status: v.picklist(['inbox', 'archived']),
  favorite: v.boolean(),
  tags: v.array(text),
  progress: fraction,
  readPlace: v.optional(fraction),
  note: v.string(),
  source: articleSource,
  highlights: v.array(v.unknown()),
  pending: v.optional(v.object({ reason: text })),
  trashedAt: v.optional(isoDate),
  damage: v.optional(
    v.object({
      at: isoDate,
      recoveredFrom: v.picklist(RECOVERED_FROM),
      setAside: v.array(text),
      lost: v.array(text),
    }),
  ),
  edited: v.optional(v.partial(storedDetails)),
  extracted: v.optional(storedDetails),
  contentUpdatedAt: v.optional(isoDate),
} as const;

/** A catalog entry's summary: the record's fields but highlights and note, with their counts. */
export const storedSummary = v.object({
  ...recordFields,
  id: text,
  highlights: v.optional(v.never()),
  note: v.optional(v.never()),
  highlightCount: count,
  hasNote: v.boolean(),
  trashedAt: v.nullable(isoDate),
});
