/**
 * Highlight and tag colours as CSS values, for a component to set as its own
 * custom property (`style:--highlight-color={highlightSwatch(color)}`) and
 * paint a swatch, dot, chip or edge with. The names follow tokens.css, so a
 * new colour is a token, not a rule in every component that shows one; the
 * price is an inline style, which the window's policy allows as it is set
 * through the style object, not written as an attribute.
 */
import type { HighlightColor } from '@shared/annotation';
import { TAG_COLORS, type TagColor } from '@shared/api/tags';

export function highlightSwatch(color: HighlightColor): string {
  return `var(--hl-${color}-solid)`;
}

/**
 * A tag's colour, or undefined for a tag without one (or a name that is not
 * a colour), which leaves the property unset for the component's fallback.
 */
export function tagSwatch(color: string | null): string | undefined {
  return TAG_COLORS.includes(color as TagColor) ? `var(--tag-${color})` : undefined;
}
