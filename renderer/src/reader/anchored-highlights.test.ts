import { describe, expect, it } from 'vitest';
import type { Highlight } from '@shared/annotation';
import { describeTarget } from '@shared/anchoring/anchor';
import { AnchoredHighlights } from './anchored-highlights.svelte';

const TEXT = 'Sand flats move with every storm. The safe line moves with the channels.';

function highlight(id: string, text: string, phrase: string, createdAt: string): Highlight {
  const start = text.indexOf(phrase);
  return {
    id,
    color: 'yellow',
    note: '',
    createdAt,
    updatedAt: createdAt,
    target: describeTarget(text, start, start + phrase.length),
  };
}

const late = highlight('late', TEXT, 'safe line', '2026-01-01T00:00:00.000Z');
const early = highlight('early', TEXT, 'Sand flats', '2026-01-02T00:00:00.000Z');
const gone = highlight('gone', 'A paragraph since edited away.', 'edited away', '2026-01-03T00:00:00.000Z');

function anchoring(text: string | null, highlights: Highlight[] | null) {
  return new AnchoredHighlights({
    text: () => text,
    highlights: () => highlights,
    readable: (start, end) => (text ?? '').slice(start, end).toUpperCase(),
  });
}

describe('AnchoredHighlights', () => {
  it('lists the notebook in the order of the text, orphaned highlights last', () => {
    const anchored = anchoring(TEXT, [gone, late, early]);
    expect(anchored.entries.map((entry) => [entry.highlight.id, entry.anchored, entry.text])).toEqual([
      ['early', true, 'SAND FLATS'],
      ['late', true, 'SAFE LINE'],
      ['gone', false, 'edited away'],
    ]);
  });

  it('paints only the highlights found in the text', () => {
    const anchored = anchoring(TEXT, [gone, late]);
    expect(anchored.spans).toEqual([{ highlight: late, start: 38, end: 47 }]);
    expect(anchored.anchorOf('gone')).toBeNull();
    expect(anchored.anchorOf('late')).toMatchObject({ start: 38, end: 47 });
  });

  it('has nothing to show before the text is on the page', () => {
    const anchored = anchoring(null, [late]);
    expect(anchored.spans).toEqual([]);
    expect(anchored.entries).toEqual([]);
    expect(anchored.textOf(late)).toBe('safe line');
  });

  it('has nothing to show before the highlights are loaded', () => {
    const anchored = anchoring(TEXT, null);
    expect(anchored.spans).toEqual([]);
    expect(anchored.entries).toEqual([]);
  });
});
