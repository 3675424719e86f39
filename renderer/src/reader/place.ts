/**
 * A Svelte action that floats an element beside a rectangle of the viewport
 * (a selection, a highlight): above it when there is room under the reader's
 * bar, else below; centred on it and kept inside the window. Positions are
 * set through the CSSOM, which the Content-Security-Policy allows.
 */
const GAP = 8;
const BAR_ROOM = 64;

function place(node: HTMLElement, rect: DOMRect): void {
  const { offsetWidth: width, offsetHeight: height } = node;
  const left = Math.max(
    GAP,
    Math.min(window.innerWidth - width - GAP, rect.left + rect.width / 2 - width / 2),
  );
  const top = rect.top - height - GAP > BAR_ROOM ? rect.top - height - GAP : rect.bottom + GAP;
  node.style.setProperty('left', `${left}px`);
  node.style.setProperty('top', `${top}px`);
}

export function floatBeside(node: HTMLElement, rect: DOMRect) {
  place(node, rect);
  return {
    update(next: DOMRect) {
      place(node, next);
    },
  };
}
