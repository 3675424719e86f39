/**
 * Reading progress as a text position, not a scroll offset: the stored
 * `progress` (0..1) is where the first visible block starts, as a share of
 * the article's text. A scroll offset changes with the window's width and the
 * typography; a text position does not, so reopening — or resizing, or
 * changing the font — brings back the same paragraph. At the very bottom the
 * progress is 1, so a finished article reads as finished.
 */
import type { DomTextIndex } from './painter';
import { settleScroll } from './settle-scroll';

export const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, figure, table, dt, dd';

/** The text position of the first block whose bottom is below `top` (a viewport y). */
export function readingOffset(index: DomTextIndex, blocks: Element[], top: number): number {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((blocks[mid] as Element).getBoundingClientRect().bottom <= top) low = mid + 1;
    else high = mid;
  }
  const block = blocks[low];
  return block ? (index.offsetOf(block, 0) ?? 0) : index.text.length;
}

export function atBottom(): boolean {
  return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
}

export function progressOf(index: DomTextIndex, offset: number): number {
  if (atBottom() || index.text.length === 0) return 1;
  return Math.min(1, offset / index.text.length);
}

/** Scrolls so the block holding text position `offset` starts at viewport y `top`. */
export function scrollToOffset(index: DomTextIndex, offset: number, top: number): void {
  if (offset <= 0) {
    window.scrollTo(0, 0);
    return;
  }
  if (offset >= index.text.length && index.text.length > 0) {
    scrollToEnd();
    return;
  }
  const point = index.pointAt(offset, 'forward');
  const element = point?.node.parentElement;
  if (!element) return;
  const block = element.closest(BLOCKS) ?? element;
  settleScroll(() => block.getBoundingClientRect().top - top);
}

/** Scrolls to the very end, also once the blocks shown there take their real height. */
export function scrollToEnd(): void {
  settleScroll(() => document.documentElement.scrollHeight - window.innerHeight - window.scrollY);
}
