/**
 * A highlight's solid colour as a CSS value, for a component to set as its
 * own custom property (`style:--highlight-color={highlightSwatch(color)}`)
 * and paint a swatch, dot or edge with. The names follow tokens.css, so a
 * new colour is a pair of tokens, not a rule in every component that shows
 * one; the price is an inline style, which the window's policy allows as it
 * is set through the style object, not written as an attribute.
 */
import type { HighlightColor } from '@shared/annotation';

export function highlightSwatch(color: HighlightColor): string {
  return `var(--hl-${color}-solid)`;
}
