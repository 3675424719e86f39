/**
 * The line of an import summary that names what was added. Two titles are
 * named and the rest counted, so the line stays one line on a narrow window;
 * a single leftover title is named rather than called "1 more", which says
 * less in the same space.
 */
const NAMED = 2;

const quoted = (title: string) => `“${title}”`;

export function addedTitles(titles: readonly string[]): string {
  if (titles.length === 0) return '';
  if (titles.length <= NAMED + 1) {
    const names = titles.map(quoted);
    const last = names.pop() ?? '';
    return names.length === 0 ? `Added ${last}` : `Added ${names.join(', ')} and ${last}`;
  }
  return `Added ${titles.slice(0, NAMED).map(quoted).join(', ')} and ${titles.length - NAMED} more`;
}
