/**
 * Paints highlights, find matches and the "flash" of a highlight jumped to,
 * with the CSS Custom Highlight API, so rendering never changes the
 * article's DOM.
 *
 * Why not wrap highlights in <mark> elements (the older way, and
 * Hypothesis's): wrapping splits Text nodes, so positions have to be
 * computed before any wrapping and every later change re-splits the DOM;
 * overlapping highlights need nested marks; removing a highlight must glue
 * nodes back; and the wrapped DOM is no longer the text of content.html that
 * the selectors count in. Custom highlights are ranges over the untouched
 * DOM: overlaps are just two ranges (translucent colours mix, so both stay
 * visible), painting 500 highlights is building 500 Range objects, and the
 * same DOM serves selection, find and progress. The costs: ::highlight takes
 * only colours and text decoration, and a highlight receives no events, so
 * clicks are hit-tested against the ranges' rectangles (hit-test.ts). It needs
 * Chromium 105 or later, which Electron and the browser shell both are.
 */
import { debounce } from '@shared/async';
import type { HighlightColor } from '@shared/annotation';
import { HIGHLIGHT_COLORS } from '@shared/annotation';
import type { TextIndex } from '@shared/anchoring/text-model';

export type DomTextIndex = TextIndex<Node>;

export interface PaintedHighlight {
  color: HighlightColor;
  start: number;
  end: number;
  noted: boolean;
}

/** The DOM range over characters start..end of the article's text. */
export function rangeFor(index: DomTextIndex, start: number, end: number): Range | null {
  const from = index.pointAt(start, 'forward');
  const to = index.pointAt(end, 'backward');
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

const name = (layer: string) => `lectern-${layer}`;

function set(layer: string, ranges: Range[], priority: number): void {
  const highlight = new Highlight(...ranges);
  highlight.priority = priority;
  CSS.highlights.set(name(layer), highlight);
}

/** Replaces every painted highlight with `items`. */
export function paintHighlights(index: DomTextIndex, items: PaintedHighlight[]): void {
  const byColor = new Map<HighlightColor, Range[]>(HIGHLIGHT_COLORS.map((color) => [color, []]));
  const noted: Range[] = [];
  for (const item of items) {
    const range = rangeFor(index, item.start, item.end);
    if (!range) continue;
    byColor.get(item.color)?.push(range);
    if (item.noted) noted.push(range);
  }
  for (const [color, ranges] of byColor) set(color, ranges, 1);
  set('noted', noted, 2);
}

/** Marks the highlight whose menu is open, or none. */
export function paintActive(range: Range | null): void {
  set('active', range ? [range] : [], 3);
}

export function paintFind(matches: Range[], current: Range | null): void {
  set('find', matches, 4);
  set('find-current', current ? [current] : [], 5);
}

const FLASH_MS = 1200;
const unflash = debounce(() => CSS.highlights.delete(name('flash')), FLASH_MS);

/** Briefly marks a range, to show where a jump landed. */
export function flash(range: Range): void {
  set('flash', [range], 6);
  unflash();
}

export function clearPaint(): void {
  for (const layer of [...HIGHLIGHT_COLORS, 'noted', 'active', 'find', 'find-current', 'flash']) {
    CSS.highlights.delete(name(layer));
  }
}
