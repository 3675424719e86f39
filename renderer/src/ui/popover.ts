/**
 * One way for every menu and popover to float: in the browser's top layer
 * (the Popover API), so no sidebar, scroller or transform can clip it or be
 * pushed aside by it, placed in viewport coordinates beside what opened it.
 * The preferred side is flipped when the other has room and the box is
 * clamped into the window, so it stays whole at every window size; a box
 * taller than either side gets the larger side and scrolls. Positions go
 * through the CSSOM, which the Content-Security-Policy allows.
 */

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Placement {
  /** The side of the anchor tried first. */
  side: 'below' | 'above';
  /** Which edges line up: the anchor's start, end, or both centres. */
  align: 'start' | 'end' | 'center';
  /** Room kept free at the top of the window (a bar the box must not cover). */
  reserveTop?: number;
}

export interface Placed {
  top: number;
  left: number;
  /** Set when the box is taller than the room it got. */
  maxHeight: number | null;
}

/** Space between the anchor and the box, and between the box and the window's edge. */
export const POPOVER_GAP = 8;

/** Where a box of `size` goes beside `anchor` in a window of `viewport`. */
export function placePopover(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  placement: Placement,
): Placed {
  const gap = POPOVER_GAP;
  const ceiling = Math.max(gap, placement.reserveTop ?? 0);
  const roomBelow = viewport.height - gap - (anchor.top + anchor.height + gap);
  const roomAbove = anchor.top - gap - ceiling;
  const fits = (side: Placement['side']) => (side === 'below' ? roomBelow : roomAbove) >= size.height;
  const other = placement.side === 'below' ? 'above' : 'below';
  const side = fits(placement.side)
    ? placement.side
    : fits(other)
      ? other
      : roomBelow >= roomAbove
        ? 'below'
        : 'above';
  const room = Math.max(0, side === 'below' ? roomBelow : roomAbove);
  const height = Math.min(size.height, room);
  const top = side === 'below' ? anchor.top + anchor.height + gap : anchor.top - gap - height;

  const wanted =
    placement.align === 'start'
      ? anchor.left
      : placement.align === 'end'
        ? anchor.left + anchor.width - size.width
        : anchor.left + anchor.width / 2 - size.width / 2;
  const left = Math.max(gap, Math.min(viewport.width - size.width - gap, wanted));
  return { top, left, maxHeight: height < size.height ? height : null };
}

export interface PopoverOptions extends Partial<Placement> {
  /** What opened the box: an element, or a rectangle of the viewport (a selection). */
  anchor: Element | DOMRect;
  /** Called on Esc, or a press outside the box and its anchor; without it the box stays until its owner removes it. */
  onclose?: () => void;
}

function boxOf(anchor: Element | DOMRect): Box {
  return anchor instanceof Element ? anchor.getBoundingClientRect() : anchor;
}

/** A Svelte action: `use:popover={{ anchor, onclose }}`. */
export function popover(node: HTMLElement, initial: PopoverOptions) {
  let options = initial;
  node.setAttribute('popover', 'manual');
  node.style.setProperty('position', 'fixed');
  node.style.setProperty('inset', 'auto');
  node.style.setProperty('margin', '0');
  node.showPopover();

  function place() {
    node.style.removeProperty('max-height');
    const placed = placePopover(
      boxOf(options.anchor),
      { width: node.offsetWidth, height: node.offsetHeight },
      { width: window.innerWidth, height: window.innerHeight },
      { side: options.side ?? 'below', align: options.align ?? 'start', reserveTop: options.reserveTop },
    );
    node.style.setProperty('top', `${placed.top}px`);
    node.style.setProperty('left', `${placed.left}px`);
    if (placed.maxHeight !== null) {
      node.style.setProperty('max-height', `${placed.maxHeight}px`);
      node.style.setProperty('overflow', 'auto');
    }
  }

  function onKeydown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !options.onclose) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const hadFocus = node.contains(document.activeElement);
    options.onclose();
    if (hadFocus && options.anchor instanceof HTMLElement) options.anchor.focus();
  }

  function onPointerdown(event: PointerEvent) {
    const target = event.target as Node | null;
    if (!options.onclose || !target) return;
    if (node.contains(target)) return;
    if (options.anchor instanceof Element && options.anchor.contains(target)) return;
    options.onclose();
  }

  place();
  const resized = new ResizeObserver(place);
  resized.observe(node);
  window.addEventListener('resize', place);
  window.addEventListener('scroll', place, true);
  window.addEventListener('keydown', onKeydown, true);
  document.addEventListener('pointerdown', onPointerdown, true);

  return {
    update(next: PopoverOptions) {
      options = next;
      place();
    },
    destroy() {
      resized.disconnect();
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('keydown', onKeydown, true);
      document.removeEventListener('pointerdown', onPointerdown, true);
    },
  };
}
