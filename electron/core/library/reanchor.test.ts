import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../shared/annotation';
import { describeTarget } from '../../shared/anchoring/anchor';
import { reanchorHighlights } from './reanchor';

const OLD = 'Share this. The keeper climbed the stair at dusk. Then the lamp was lit.';

function highlightOn(text: string, words: string, quote?: string): Highlight {
  const start = text.indexOf(words);
  return {
    id: words,
    color: 'yellow',
    note: 'kept',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    target: describeTarget(text, start, start + words.length),
    ...(quote ? { quote } : {}),
  };
}

describe('reanchorHighlights', () => {
  it('keeps a highlight whose text did not move where it is', () => {
    const highlight = highlightOn(OLD, 'climbed the stair');
    const result = reanchorHighlights(OLD, [highlight]);
    expect(result).toMatchObject({ placed: 1, moved: 0, orphaned: 0 });
    expect(result.highlights[0]).toEqual(highlight);
  });

  it('finds the exact quote where the text shifted, and describes its new place', () => {
    const text = OLD.replace('Share this. ', '');
    const [placed] = reanchorHighlights(text, [
      highlightOn(OLD, 'climbed the stair', 'climbed the\nstair'),
    ]).highlights;
    const [quote, position] = placed!.target.selector;
    expect(text.slice(position.start, position.end)).toBe('climbed the stair');
    expect(quote.prefix).toBe('The keeper ');
    expect(placed!.quote).toBe('climbed the\nstair');
    expect(placed!.note).toBe('kept');
  });

  it('places a quote whose words changed a little by a fuzzy match, and drops its stale reading', () => {
    const text = OLD.replace('climbed the stair', 'climbed the stairs');
    const result = reanchorHighlights(text, [highlightOn(OLD, 'The keeper climbed the stair at dusk', 'x')]);
    expect(result).toMatchObject({ placed: 0, moved: 1, orphaned: 0 });
    const [quote] = result.highlights[0]!.target.selector;
    expect(quote.exact).toContain('climbed the stairs');
    expect(result.highlights[0]!.quote).toBeUndefined();
  });

  it('keeps a highlight it cannot place as it was, and counts it', () => {
    const highlight = highlightOn(OLD, 'Then the lamp was lit.');
    const result = reanchorHighlights('An entirely different text about gardens and bees.', [highlight]);
    expect(result).toMatchObject({ placed: 0, moved: 0, orphaned: 1 });
    expect(result.highlights[0]).toEqual(highlight);
  });
});
