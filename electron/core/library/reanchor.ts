/**
 * Places an article's highlights again after its text was replaced (a
 * re-extraction, a restored version), with the reader's own anchoring
 * (shared/anchoring/anchor.ts): the stored position when the quote is still
 * there, then the exact quote chosen by its context, then a fuzzy match. A
 * placed highlight gets selectors describing its place in the new text, so
 * the reader finds it at once by position. One that cannot be placed keeps
 * its selectors as they were: the reader shows it as not found, and it is
 * placed again should an earlier version be restored. A fuzzy match loses the
 * readable `quote` kept with the highlight, since its words changed; the
 * reader then shows the new words.
 */
import type { Highlight } from '../../shared/annotation';
import { anchorTarget, describeTarget } from '../../shared/anchoring/anchor';

export interface Reanchored {
  highlights: Highlight[];
  /** Found on the same words (position or exact quote). */
  placed: number;
  /** Found on words that changed a little (fuzzy). */
  moved: number;
  /** Not found; kept as they were. */
  orphaned: number;
}

export function reanchorHighlights(text: string, highlights: readonly Highlight[]): Reanchored {
  const result: Reanchored = { highlights: [], placed: 0, moved: 0, orphaned: 0 };
  for (const highlight of highlights) {
    const anchor = anchorTarget(text, highlight.target);
    if (!anchor) {
      result.orphaned++;
      result.highlights.push(highlight);
      continue;
    }
    const target = describeTarget(text, anchor.start, anchor.end);
    if (anchor.method === 'fuzzy') {
      result.moved++;
      const { quote: _changed, ...rest } = highlight;
      result.highlights.push({ ...rest, target });
    } else {
      result.placed++;
      result.highlights.push({ ...highlight, target });
    }
  }
  return result;
}
