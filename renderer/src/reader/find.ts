/**
 * Find in article: every case-insensitive occurrence of the query in the
 * article's text (the same text highlights are anchored in), so matches are
 * painted and scrolled to with the same ranges. Capped, because a one-letter
 * query in a long article would otherwise paint tens of thousands of ranges
 * for no reader's benefit.
 */
export const MAX_MATCHES = 1000;

export function findAll(text: string, query: string): { start: number; end: number }[] {
  const needle = query.toLocaleLowerCase();
  if (needle.trim().length === 0) return [];
  const haystack = text.toLocaleLowerCase();
  // Lower-casing can change a string's length (e.g. "İ"); positions are only valid when it did not.
  if (haystack.length !== text.length) return [];
  const found: { start: number; end: number }[] = [];
  for (let at = haystack.indexOf(needle); at !== -1 && found.length < MAX_MATCHES;) {
    found.push({ start: at, end: at + needle.length });
    at = haystack.indexOf(needle, at + needle.length);
  }
  return found;
}
