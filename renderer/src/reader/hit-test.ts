/**
 * Custom highlights receive no events (painter.ts), so a click is matched
 * against the highlights' own rectangles. The rectangles, not the caret
 * position, decide: a click in the margin beside a highlighted line puts the
 * caret inside it but is not a click on it. Every highlight under the point
 * is returned, so overlapping highlights can each be chosen.
 *
 * Only highlights that share text with the block under the point are
 * measured: measuring all of them would lay out every block of a long
 * article, most of which are kept unlaid-out while out of view.
 */
import { rangeFor, type DomTextIndex } from './painter';
import { BLOCKS } from './progress';

export interface Span {
  start: number;
  end: number;
}

export function spansAt<T extends Span>(index: DomTextIndex, spans: T[], x: number, y: number): T[] {
  const near = nearText(index, x, y);
  if (!near) return [];
  return spans.filter((span) => {
    if (span.end <= near.start || span.start >= near.end) return false;
    const range = rangeFor(index, span.start, span.end);
    if (!range) return false;
    for (const rect of range.getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
    }
    return false;
  });
}

/** The text range of the window's selection inside the content, trimmed of outer whitespace. */
export function selectedSpan(index: DomTextIndex, selection: Selection | null): Span | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const content = document.createRange();
  content.selectNodeContents(index.root);
  if (
    range.compareBoundaryPoints(Range.END_TO_START, content) >= 0 ||
    range.compareBoundaryPoints(Range.START_TO_END, content) <= 0
  ) {
    return null;
  }
  const startsBefore = range.compareBoundaryPoints(Range.START_TO_START, content) < 0;
  const endsAfter = range.compareBoundaryPoints(Range.END_TO_END, content) > 0;
  let start = startsBefore ? 0 : index.offsetOf(range.startContainer, range.startOffset);
  let end = endsAfter ? index.text.length : index.offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  while (start < end && /\s/.test(index.text[start] as string)) start++;
  while (end > start && /\s/.test(index.text[end - 1] as string)) end--;
  return start < end ? { start, end } : null;
}

/** The text span of the block (or, outside any block, the element) under the point. */
function nearText(index: DomTextIndex, x: number, y: number): Span | null {
  const root = index.root as Element;
  const hit = document.elementFromPoint(x, y);
  if (!hit || !root.contains(hit)) return null;
  const block = hit.closest(BLOCKS);
  const element = block && root.contains(block) ? block : hit;
  const start = index.offsetOf(element, 0);
  const end = index.offsetOf(element, element.childNodes.length);
  return start === null || end === null ? null : { start, end };
}
