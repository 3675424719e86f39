/**
 * Highlights from an export carry a quote and no position. Each is placed
 * in the article's text by the reader's own matching (exact quote, then
 * fuzzy); one that cannot be placed, or whose article has no content yet,
 * is stored with its quote and an empty position: the reader then finds it
 * by its quote once the page is fetched, or shows it as an orphan in the
 * notebook. Nothing an export carried is dropped.
 */
import { randomUUID } from 'node:crypto';
import { parseHTML } from 'linkedom';
import type { Highlight } from '../../../shared/annotation';
import { describeTarget } from '../../../shared/anchoring/anchor';
import { matchQuote } from '../../../shared/anchoring/match-quote';
import type { ExportedHighlight } from './exported-item';

/** The article's text as the reader counts it: the content root's textContent. */
export function articleText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body><div>${html}</div></body></html>`);
  return document.body.firstElementChild?.textContent ?? '';
}

export interface PlacedHighlights {
  highlights: Highlight[];
  placed: number;
  orphaned: number;
}

/** The exact quote first (cheap and certain), else the closest approximate match. */
function findQuoteIn(text: string, quote: string): { start: number; end: number } | null {
  const at = text.indexOf(quote);
  return at >= 0 ? { start: at, end: at + quote.length } : matchQuote(text, quote);
}

export function placeHighlights(
  text: string | undefined,
  exported: readonly ExportedHighlight[],
  now: Date,
): PlacedHighlights {
  let placed = 0;
  const highlights = exported.map((item): Highlight => {
    const match = text ? findQuoteIn(text, item.quote) : null;
    if (match) placed++;
    const target = match
      ? describeTarget(text!, match.start, match.end)
      : {
          selector: [
            { type: 'TextQuoteSelector', exact: item.quote, prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start: 0, end: 0 },
          ] as Highlight['target']['selector'],
        };
    const created = new Date(item.createdAt ?? now.getTime()).toISOString();
    return {
      id: randomUUID(),
      color: 'yellow',
      note: item.note ?? '',
      createdAt: created,
      updatedAt: created,
      target,
    };
  });
  return { highlights, placed, orphaned: highlights.length - placed };
}

/** Whether a highlight was stored without a position (an export's quote that found no text). */
export function isUnplaced(highlight: Highlight): boolean {
  const [quote, position] = highlight.target.selector;
  return quote.exact !== '' && position.start === 0 && position.end === 0;
}

/**
 * Places, in `text`, the highlights stored without a position (once a
 * pending link's page has come); changes them in place and returns how many
 * found their quote. The others stay as they were, orphans for the notebook.
 */
export function placeOrphans(text: string, highlights: Highlight[]): number {
  let placed = 0;
  for (const highlight of highlights) {
    if (!isUnplaced(highlight)) continue;
    const match = findQuoteIn(text, highlight.target.selector[0].exact);
    if (!match) continue;
    highlight.target = describeTarget(text, match.start, match.end);
    placed++;
  }
  return placed;
}
