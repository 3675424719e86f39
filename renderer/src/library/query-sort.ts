/**
 * The order of the list as the search field's text says it: the sort menu and
 * a typed `sort:` are two ways of saying one thing, so choosing from the menu
 * rewrites a typed `sort:` rather than being silently overruled by it.
 */
import type { SortKey } from '@shared/search/query';

/** An order the list can be in: one of the query language's sort keys, or best match first for words. */
export type SortChoice = SortKey | 'relevance';

const TYPED_SORT = /(^|\s)-?sort:("[^"]*"?|\S*)/gi;

/** `text` with its `sort:` replaced by `choice` (removed for best match), everything else kept as typed. */
export function withSort(text: string, choice: SortChoice): string {
  let replaced = false;
  const out = text.replace(TYPED_SORT, (_, space: string) => {
    if (replaced || choice === 'relevance') return space;
    replaced = true;
    return `${space}sort:${choice}`;
  });
  // The space before a removed sort: stays, so the word it followed is still complete (not a prefix).
  return out.replace(/\s{2,}/g, ' ').trimStart();
}
