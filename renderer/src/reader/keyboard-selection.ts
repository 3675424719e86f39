/**
 * Selecting text with the keyboard. Browsers extend a selection with
 * shift+arrows only in editable text or with caret browsing on, so the
 * reader does it itself with Selection.modify (Chromium, WebKit and Gecko all
 * have it). With no selection in the article yet, the caret starts at the
 * beginning of the first block in view, so no mouse is ever needed.
 */
const MOVES: Record<string, { direction: 'forward' | 'backward'; by: string; byWord?: string }> = {
  ArrowRight: { direction: 'forward', by: 'character', byWord: 'word' },
  ArrowLeft: { direction: 'backward', by: 'character', byWord: 'word' },
  ArrowDown: { direction: 'forward', by: 'line', byWord: 'paragraph' },
  ArrowUp: { direction: 'backward', by: 'line', byWord: 'paragraph' },
  End: { direction: 'forward', by: 'lineboundary' },
  Home: { direction: 'backward', by: 'lineboundary' },
};

/** Extends the selection for shift+arrow, shift+Home/End; returns false when the key is not one of those. */
export function extendSelection(
  event: KeyboardEvent,
  content: Element,
  firstVisible: () => Element | null,
): boolean {
  const move = MOVES[event.key];
  if (!move || !event.shiftKey || event.altKey) return false;
  const selection = window.getSelection();
  if (!selection) return false;
  if (selection.rangeCount === 0 || !content.contains(selection.anchorNode)) {
    const start = firstVisible();
    if (!start) return false;
    selection.collapse(start, 0);
  }
  const byWord = event.ctrlKey || event.metaKey;
  selection.modify('extend', move.direction, byWord && move.byWord ? move.byWord : move.by);
  return true;
}
