import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS } from '@shared/annotation';
import { highlightSwatch } from './palette';

describe('highlightSwatch', () => {
  it.each(HIGHLIGHT_COLORS)('paints %s with its solid token from tokens.css', (color) => {
    expect(highlightSwatch(color)).toBe(`var(--hl-${color}-solid)`);
  });
});
