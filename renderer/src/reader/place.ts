/**
 * Where the reader floats its highlight toolbar and chooser: above the
 * selection or highlight when there is room under the reader's bar, else
 * below, centred on it; the shared popover helper keeps it inside the window.
 */
import { popover } from '../ui/popover';

/** The height of the reader's bar and its shadow, which a toolbar must not slip under. */
const BAR_ROOM = 64;

const beside = (rect: DOMRect) =>
  ({ anchor: rect, side: 'above', align: 'center', reserveTop: BAR_ROOM }) as const;

export function floatBeside(node: HTMLElement, rect: DOMRect) {
  const floating = popover(node, beside(rect));
  return {
    update(next: DOMRect) {
      floating.update(beside(next));
    },
    destroy: floating.destroy,
  };
}
