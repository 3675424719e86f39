/**
 * Running headers, footers and page numbers in a PDF's text layer. A PDF
 * has no markup for them: they are lines like any other, printed again on
 * every page, and left in they break paragraphs at every page turn.
 *
 * A line is only considered when it stands in the top or bottom band of its
 * page (MARGIN_BAND). There it is dropped when it is a bare page number
 * ("12", "- 12 -", "Page 12 of 40", "xii"), or when it repeats on several
 * pages: the same text, or the same text with a number that moves with the
 * page ("Tide Tables 12", "Tide Tables 13"). A number that does not follow
 * the page ("Chapter 2" heading a new page) is not a running line, so body
 * text in the band survives unless it is printed again word for word.
 * Missing a header costs a stray line; dropping a body line loses words,
 * hence the care on that side.
 */

/** Share of the page's height, at its top and at its bottom, where running lines stand. */
const MARGIN_BAND = 0.1;

export type Margin = 'top' | 'bottom' | null;

export interface PlacedLine {
  text: string;
  page: number;
  /** Which band of its page the line stands in, if any. */
  margin: Margin;
}

/** The band a baseline `y` falls in, on a page running from `bottom` to `top`. */
export function marginOf(y: number, bottom: number, top: number): Margin {
  const band = (top - bottom) * MARGIN_BAND;
  if (y >= top - band) return 'top';
  if (y <= bottom + band) return 'bottom';
  return null;
}

/** i to xcix: front matter is numbered so, and the strict form keeps words like "mild" or "did" out. */
const ROMAN = '(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})';
const PAGE_NUMBER = new RegExp(
  `^(?:(?:page|p\\.)\\s*)?[-–—]?\\s*(\\d{1,5}|${ROMAN})\\s*[-–—]?(?:\\s*(?:of|/)\\s*\\d{1,5})?$`,
);

/** "12", "- 12 -", "Page 12 of 40", "12/40", "xii": roman numerals in lower case only, as "I" may head a part. */
export function isPageNumber(text: string): boolean {
  const number = PAGE_NUMBER.exec(text.trim().replace(/^(?:Page|PAGE)\b/, 'page'))?.[1];
  return Boolean(number);
}

/** Pages a line must repeat on to be a running line: two in a short document, three otherwise. */
function repeatsNeeded(pages: number): number {
  return pages <= 4 ? 2 : 3;
}

const normalized = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The lines of a group (same margin, same text once numbers are set aside)
 * that are running lines: all when the text is the same on enough pages,
 * else those whose number at some place moves with the page, when enough do.
 */
function runningInGroup<L extends PlacedLine>(group: L[], needed: number): L[] {
  const pages = (lines: L[]) => new Set(lines.map((line) => line.page)).size;
  const byText = new Map<string, L[]>();
  for (const line of group) {
    const key = normalized(line.text);
    byText.set(key, [...(byText.get(key) ?? []), line]);
  }
  const same = [...byText.values()].filter((lines) => pages(lines) >= needed).flat();
  const numbers = group.map((line) => (line.text.match(/\d+/g) ?? []).map(Number));
  const places = Math.min(...numbers.map((found) => found.length));
  let tracking: L[] = [];
  for (let place = 0; place < places; place++) {
    // The printed number minus the page's index is the same on every page it follows.
    const byOffset = new Map<number, L[]>();
    group.forEach((line, i) => {
      const offset = (numbers[i]?.[place] ?? 0) - line.page;
      byOffset.set(offset, [...(byOffset.get(offset) ?? []), line]);
    });
    for (const lines of byOffset.values()) {
      if (pages(lines) >= needed && lines.length > tracking.length) tracking = lines;
    }
  }
  return [...same, ...tracking];
}

/** `lines` without running headers, footers and page numbers. */
export function withoutRunningLines<L extends PlacedLine>(lines: L[]): L[] {
  const needed = repeatsNeeded(new Set(lines.map((line) => line.page)).size);
  const groups = new Map<string, L[]>();
  for (const line of lines) {
    if (!line.margin) continue;
    const key = `${line.margin} ${normalized(line.text).replace(/\d+/g, '#')}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const running = new Set<L>();
  for (const group of groups.values()) {
    for (const line of runningInGroup(group, needed)) running.add(line);
  }
  return lines.filter((line) => !running.has(line) && !(line.margin && isPageNumber(line.text)));
}
