import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS } from '@shared/annotation';
import { TAG_COLORS } from '@shared/api/tags';
import { highlightSwatch, tagSwatch } from './palette';

describe('highlightSwatch', () => {
  it.each(HIGHLIGHT_COLORS)('paints %s with its solid token from tokens.css', (color) => {
    expect(highlightSwatch(color)).toBe(`var(--hl-${color}-solid)`);
  });
});

describe('tagSwatch', () => {
  it.each(TAG_COLORS)('paints %s with its token from tokens.css', (color) => {
    expect(tagSwatch(color)).toBe(`var(--tag-${color})`);
  });

  it.each([null, 'none', 'red) ; background: url(x'])('leaves %s to the fallback', (color) => {
    expect(tagSwatch(color)).toBeUndefined();
  });
});
