/**
 * `[` and `]` step through the list the article was opened from, in that
 * list's order (its view, tag, search and sort), not through the inbox. The
 * list is the one the library last showed, kept as it was when the reader
 * opened, so stepping is stable even as articles are archived on the way.
 * An article opened some other way (a link, the Highlights view, a reload)
 * that is not in that list steps through the whole library, newest first.
 */
export interface Neighbours {
  previous: string | undefined;
  next: string | undefined;
}

/** The ids before and after `id` in `listIds` when it is there, else in `libraryIds`. */
export function neighboursOf(
  id: string,
  listIds: readonly string[] | null,
  libraryIds: readonly string[],
): Neighbours {
  const ids = listIds?.includes(id) ? listIds : libraryIds;
  const at = ids.indexOf(id);
  return at < 0 ? { previous: undefined, next: undefined } : { previous: ids[at - 1], next: ids[at + 1] };
}
