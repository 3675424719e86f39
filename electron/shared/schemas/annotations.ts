import * as v from 'valibot';
import type { AnnotationsApi } from '../api/annotations';
import { HIGHLIGHT_COLORS } from '../annotation';
import { MAX_NOTE_CHARS, MAX_QUOTE_CHARS } from '../limits';
import { articleId, type ArgsSchemas } from './common';

export const HIGHLIGHT_ID_PATTERN = /^[0-9a-z-]{8,64}$/;

const highlightId = v.pipe(v.string(), v.regex(HIGHLIGHT_ID_PATTERN, 'is not a highlight id'));
export const color = v.picklist(HIGHLIGHT_COLORS, 'is not a highlight colour');
const note = v.pipe(v.string(), v.maxLength(MAX_NOTE_CHARS, `is longer than ${MAX_NOTE_CHARS} characters`));
const context = v.pipe(v.string(), v.maxLength(64));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

const target = v.pipe(
  v.strictObject({
    selector: v.strictTuple([
      v.strictObject({
        type: v.literal('TextQuoteSelector'),
        exact: v.pipe(v.string(), v.minLength(1, 'is empty'), v.maxLength(MAX_QUOTE_CHARS)),
        prefix: context,
        suffix: context,
      }),
      v.strictObject({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
    ]),
  }),
  v.check(
    ({ selector: [quote, position] }) => position.end - position.start === quote.exact.length,
    'the position range does not span the quote',
  ),
);

const noteEdit = v.strictObject({ text: note, base: note });

export const isoDate = v.pipe(v.string(), v.isoTimestamp());
// The quote as read adds at most a line break per character of the stored quote.
const quote = v.optional(v.pipe(v.string(), v.minLength(1, 'is empty'), v.maxLength(2 * MAX_QUOTE_CHARS)));

export const annotationsArgs: ArgsSchemas<AnnotationsApi> = {
  addHighlight: v.strictTuple([articleId, v.strictObject({ color, note, target, quote })]),
  updateHighlight: v.strictTuple([articleId, highlightId, v.strictObject({ color: v.optional(color) })]),
  deleteHighlight: v.strictTuple([articleId, highlightId]),
  restoreHighlight: v.strictTuple([
    articleId,
    v.strictObject({ id: highlightId, color, note, createdAt: isoDate, updatedAt: isoDate, target, quote }),
  ]),
  setArticleNote: v.strictTuple([articleId, noteEdit]),
  setHighlightNote: v.strictTuple([articleId, highlightId, noteEdit]),
  listHighlights: v.strictTuple([
    v.strictObject({
      color: v.optional(color),
      tag: v.optional(v.pipe(v.string(), v.maxLength(200))),
      text: v.optional(v.pipe(v.string(), v.maxLength(1000))),
    }),
  ]),
};
