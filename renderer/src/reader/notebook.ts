/**
 * What the notebook lists: the article's highlights in the order they appear
 * in the text (by where they anchor now, not when they were made), orphaned
 * ones after the rest so they are never hidden; and the table of contents
 * from the article's headings.
 */
import type { Highlight } from '@shared/annotation';
import { anchorTarget, type Anchor } from '@shared/anchoring/anchor';

export interface NotebookEntry {
  highlight: Highlight;
  /** False when the highlight's text is no longer in the article. */
  anchored: boolean;
  /** The words as read: where the highlight lies now, else as stored. */
  text: string;
}

export interface TocEntry {
  level: number;
  text: string;
  element: Element;
}

/** Where each highlight lies in `text` now; null for orphaned ones. */
export function anchorAll(text: string, highlights: Highlight[]): Map<string, Anchor | null> {
  return new Map(highlights.map((h) => [h.id, anchorTarget(text, h.target)]));
}

export function notebookEntries(
  highlights: Highlight[],
  anchors: ReadonlyMap<string, Anchor | null>,
  textOf: (highlight: Highlight) => string,
): NotebookEntry[] {
  const position = (h: Highlight) => anchors.get(h.id)?.start ?? Number.POSITIVE_INFINITY;
  return [...highlights]
    .sort((a, b) => position(a) - position(b) || (a.createdAt < b.createdAt ? -1 : 1))
    .map((highlight) => ({
      highlight,
      anchored: anchors.get(highlight.id) != null,
      text: textOf(highlight),
    }));
}

export function tableOfContents(content: Element): TocEntry[] {
  return [...content.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .map((element) => ({
      level: Number(element.tagName.slice(1)),
      text: (element.textContent ?? '').trim(),
      element,
    }))
    .filter((entry) => entry.text.length > 0);
}
