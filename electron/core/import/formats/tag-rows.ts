/**
 * Rows of a page's tag links ("Tags: stock car 2018, stock car brasil, …"),
 * found by the markup HTML gives them (rel=tag, which blog engines put on
 * every tag and category link) rather than by a class name or a label's
 * wording, so a row labelled in any language, or not at all, is found.
 */
import { textLength } from './removal-guard';

/** A link the page marks as one of its tags, a "category tag" included. */
const TAG_LINK = 'a[rel~="tag" i]';

/** Share of a row's text its tag links must hold: the rest is a label and commas. */
const TAG_SHARE = 0.7;

/**
 * The largest element around two or more tag links whose text is nearly all
 * theirs, for each such row inside `root`. A tag link inside a sentence
 * ("Posted in <a rel=tag>News</a> by Ann Lee") is no row: the line says more
 * than its links.
 */
export function tagRows(root: Element): Element[] {
  const rows = new Set<Element>();
  for (const link of root.querySelectorAll(TAG_LINK)) {
    let row: Element | null = null;
    for (let element = link.parentElement; element && element !== root; element = element.parentElement) {
      const tags = [...element.querySelectorAll(TAG_LINK)];
      const tagText = tags.reduce((sum, tag) => sum + textLength(tag), 0);
      if (tagText < TAG_SHARE * textLength(element)) break;
      if (tags.length >= 2) row = element;
    }
    if (row) rows.add(row);
  }
  return [...rows];
}
