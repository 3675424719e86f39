import * as v from 'valibot';
import { TAG_COLORS, type TagsApi } from '../api/tags';
import { MAX_TAG_LENGTH, normalizeTag } from '../tags';
import { articleIds, type ArgsSchemas } from './common';

/** A tag name, normalized ("a / b" → "a/b"); empty after normalizing is refused. */
export const tagName = v.pipe(
  v.string(),
  v.transform(normalizeTag),
  v.minLength(1, 'is not a tag name'),
  v.maxLength(MAX_TAG_LENGTH, `is longer than ${MAX_TAG_LENGTH} characters`),
);

const tagNames = v.pipe(v.array(tagName), v.minLength(1), v.maxLength(100));

export const tagsArgs: ArgsSchemas<TagsApi> = {
  listTags: v.strictTuple([]),
  tagArticles: v.strictTuple([articleIds, tagNames]),
  untagArticles: v.strictTuple([articleIds, tagNames]),
  renameTag: v.strictTuple([tagName, tagName]),
  deleteTag: v.strictTuple([tagName]),
  setTagColor: v.strictTuple([tagName, v.nullable(v.picklist(TAG_COLORS))]),
  restoreTagColors: v.strictTuple([
    v.pipe(
      v.record(tagName, v.nullable(v.picklist(TAG_COLORS))),
      v.check((colors) => Object.keys(colors).length <= 10_000, 'holds too many tags'),
    ),
  ]),
};
