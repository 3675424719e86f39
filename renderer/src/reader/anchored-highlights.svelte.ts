/**
 * The article's highlights as they lie in its text now: where each one
 * anchors (null for an orphaned one), the spans to paint, the notebook's
 * entries and each one's words as read. Everything is derived from the text
 * and the highlights, passed in as functions, so a test gives strings and the
 * reader gives the text index of the page.
 */
import { highlightText, type Highlight } from '@shared/annotation';
import type { Anchor } from '@shared/anchoring/anchor';
import { anchorAll, notebookEntries, type NotebookEntry } from './notebook';

export interface AnchoringOptions {
  /** The article's text, or null while it is not on the page. */
  text: () => string | null;
  /** The highlights, or null before they are loaded. */
  highlights: () => Highlight[] | null;
  /** The words between two offsets of the text as a person reads them (readable-text.ts). */
  readable: (start: number, end: number) => string;
}

export interface AnchoredSpan {
  highlight: Highlight;
  start: number;
  end: number;
}

export class AnchoredHighlights {
  readonly anchors: ReadonlyMap<string, Anchor | null> = $derived.by(() => {
    const text = this.#options.text();
    // Before the text is on the page, no highlight has a place in it.
    return anchorAll(text ?? '', text === null ? [] : (this.#options.highlights() ?? []));
  });
  /** The highlights found in the text, in the order they were made. */
  readonly spans: AnchoredSpan[] = $derived.by(() =>
    (this.#options.highlights() ?? []).flatMap((highlight) => {
      const anchor = this.anchors.get(highlight.id);
      return anchor ? [{ highlight, start: anchor.start, end: anchor.end }] : [];
    }),
  );
  /** The notebook's list: in the order of the text, orphaned highlights last. */
  readonly entries: NotebookEntry[] = $derived.by(() => {
    const highlights = this.#options.highlights();
    if (!highlights || this.#options.text() === null) return [];
    return notebookEntries(highlights, this.anchors, (highlight) => this.textOf(highlight));
  });
  readonly #options: AnchoringOptions;

  constructor(options: AnchoringOptions) {
    this.#options = options;
  }

  /** Where a highlight lies now; null when it is orphaned or unknown. */
  anchorOf(id: string): Anchor | null {
    return this.anchors.get(id) ?? null;
  }

  /** A highlight's words as read: from where it lies now, else as stored. */
  textOf(highlight: Highlight): string {
    const anchor = this.anchors.get(highlight.id);
    return this.#options.text() !== null && anchor
      ? this.#options.readable(anchor.start, anchor.end)
      : highlightText(highlight);
  }
}
