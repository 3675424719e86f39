/** Tags: listing with counts, tagging articles, and renaming, merging, colouring and deleting tags. */
import type { BulkResult } from './bulk';

export const TAG_COLORS = [
  'red',
  'orange',
  'yellow',
  'green',
  'teal',
  'blue',
  'purple',
  'pink',
  'grey',
] as const;
export type TagColor = (typeof TAG_COLORS)[number];

export interface TagInfo {
  /** Full name, "parent/child" for a nested tag. */
  name: string;
  /** Articles in the library (not the trash) with this tag or one nested under it. */
  count: number;
  color: TagColor | null;
}

/** A rename's or delete's answer: the bulk result, and what restoreTagColors needs to undo the colours. */
export interface TagChange extends BulkResult {
  /** Every tag name whose colour the change touched, with its colour before (null: none). */
  colorsBefore: Record<string, TagColor | null>;
}

export interface TagsApi {
  /** Every tag in use, parents included, sorted by name. Errors: library-unavailable. */
  listTags(): Promise<TagInfo[]>;
  /** Adds tags to articles (an undo restores them as they were). Errors: invalid-argument, not-found. */
  tagArticles(ids: string[], tags: string[]): Promise<BulkResult>;
  /** Removes tags, and any nested under them, from articles. Errors: invalid-argument, not-found. */
  untagArticles(ids: string[], tags: string[]): Promise<BulkResult>;
  /** Renames a tag and those nested under it everywhere; into an existing tag, this merges the two. Errors: invalid-argument, not-found. */
  renameTag(from: string, to: string): Promise<TagChange>;
  /** Removes a tag, and those nested under it, from every article. Errors: not-found. */
  deleteTag(name: string): Promise<TagChange>;
  /** Sets or clears a tag's colour. Errors: invalid-argument, library-unavailable. */
  setTagColor(name: string, color: TagColor | null): Promise<void>;
  /** Puts tag colours back as a TagChange's `colorsBefore` recorded them (undo). Errors: invalid-argument, library-unavailable. */
  restoreTagColors(colors: Record<string, TagColor | null>): Promise<void>;
}

export const TAGS_METHODS: Record<keyof TagsApi, true> = {
  listTags: true,
  tagArticles: true,
  untagArticles: true,
  renameTag: true,
  deleteTag: true,
  setTagColor: true,
  restoreTagColors: true,
};
