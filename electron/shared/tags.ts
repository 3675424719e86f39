/**
 * Tag names. Tags nest with "/" ("work/reading"): a parent is not stored on
 * its own, it exists because a child does, and it counts every article under
 * it. Names compare without regard to case, so "Work" and "work" are one tag;
 * the first spelling used is kept.
 */

export const MAX_TAG_LENGTH = 200;

/** Trims each level and drops empty ones: " work / / reading " → "work/reading". */
export function normalizeTag(name: string): string {
  return name
    .split('/')
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter((part) => part.length > 0)
    .join('/');
}

export function sameTag(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** True when `tag` is `ancestor` itself or nested anywhere under it. */
export function tagWithin(tag: string, ancestor: string): boolean {
  const t = tag.toLowerCase();
  const a = ancestor.toLowerCase();
  return t === a || t.startsWith(`${a}/`);
}

/** "a/b/c" → ["a", "a/b", "a/b/c"]. */
export function tagAncestry(tag: string): string[] {
  const parts = tag.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** The name `tag` takes when `from` (and everything under it) is renamed to `to`; null if unaffected. */
export function renamedTag(tag: string, from: string, to: string): string | null {
  if (!tagWithin(tag, from)) return null;
  return to + tag.slice(from.length);
}

/** Adds `tag` to `tags` unless it is there already in another spelling. */
export function withTag(tags: readonly string[], tag: string): string[] {
  return tags.some((t) => sameTag(t, tag)) ? [...tags] : [...tags, tag];
}

export interface TagCount {
  name: string;
  count: number;
}

/**
 * Every tag in use with the number of articles under it, parents included:
 * an article tagged "a/b" and "a/c" counts once for "a". Sorted by name, so a
 * parent comes right before its children.
 */
export function countTags(articles: Iterable<{ tags: readonly string[] }>): TagCount[] {
  const counts = new Map<string, TagCount>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const tag of article.tags) {
      for (const name of tagAncestry(tag)) {
        const key = name.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        const entry = counts.get(key);
        if (entry) entry.count++;
        else counts.set(key, { name, count: 1 });
      }
    }
  }
  return [...counts.values()].sort((a, b) => compareTagNames(a.name, b.name));
}

/** Orders names level by level, so "a/b" follows "a" and precedes "a b". */
export function compareTagNames(a: string, b: string): number {
  const x = a.toLowerCase().split('/');
  const y = b.toLowerCase().split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const order = (x[i] as string).localeCompare(y[i] as string);
    if (order !== 0) return order;
  }
  return x.length - y.length;
}
