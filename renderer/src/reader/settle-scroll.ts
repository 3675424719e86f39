/**
 * Scrolling to a place in an article whose blocks are laid out only near the
 * viewport (`content-visibility: auto`, see reader-content.css): blocks far
 * away count with an estimated height until they come near the viewport, so
 * the first scroll to a paragraph lands a little off once the blocks around
 * it take their real height, a frame later. The target is therefore measured
 * again over the next frames and the scroll corrected by what is still off,
 * until it has stayed put for two frames in a row. Each correction measures
 * one element or range, never the whole article.
 */
const MAX_FRAMES = 8;
const STILL_FRAMES = 2;

/** Scrolls by `offBy()` now and over the next frames, until it stays under a pixel. */
export function settleScroll(offBy: () => number | null): void {
  let still = 0;
  const step = (frame: number) => {
    const by = offBy();
    if (by === null) return;
    if (Math.abs(by) >= 1) {
      window.scrollBy(0, by);
      still = 0;
    } else if (++still >= STILL_FRAMES) {
      return;
    }
    if (frame < MAX_FRAMES) requestAnimationFrame(() => step(frame + 1));
  };
  step(0);
}
