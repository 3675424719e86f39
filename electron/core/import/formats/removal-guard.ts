/**
 * The guard every removal rule of the extraction layer goes through: a rule
 * whose matches hold nearly all of the text has misread the page (an article
 * body whose class happens to say "story-meta", a page made of captions), so
 * it is not applied at all rather than applied and leaving a stub.
 */

/** Text with its runs of white space folded to one space, as a line reads. */
export const squeezed = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Letters and digits in a node's text, white space not counted. */
export function textLength(node: Node): number {
  return (node.textContent ?? '').replace(/\s+/g, '').length;
}

/** The elements that are not inside another of them, so nothing is counted or removed twice. */
function outermost(elements: Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((element) => {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (set.has(parent)) return false;
    }
    return true;
  });
}

/**
 * Removes `elements` (or hands each to `replace`) unless what would be left
 * of `root`'s text is under `keepShare` of it. Returns whether it did.
 */
export function removeGuarded(
  root: Node,
  elements: Element[],
  keepShare: number,
  replace: (element: Element) => void = (element) => element.remove(),
): boolean {
  if (elements.length === 0) return false;
  const top = outermost(elements);
  const total = textLength(root);
  const removed = top.reduce((sum, element) => sum + textLength(element), 0);
  if (total > 0 && total - removed < total * keepShare) return false;
  for (const element of top) replace(element);
  return true;
}
