/**
 * The named rules of the layer Lectern puts around Readability, so each can
 * be switched off on its own: the extraction benchmark turns them off one at
 * a time to show what each is worth, and a regression can be traced to one.
 * The app always runs them all.
 */

export const EXTRACTION_RULES = [
  /** Keep text the page hides for screen readers only ("Photo" before a picture), marked so the reader hides it too. */
  'screen-reader-text',
  /** Drop asides, navigation, forms and other non-article elements, and figures' credits and long captions, before Readability. */
  'prune-tags',
  /** Drop elements whose class or id names a caption or credit, before Readability. */
  'prune-captions',
  /** Keep the article's own reader comments, folded after it, out of Readability's way. */
  'reader-comments',
  /** Run Readability again on the container the page names as the article body. */
  'body-container',
  /** Drop a wiki's "[edit]" links from headings. */
  'edit-links',
  /** Drop blocks of the extracted article whose class or id names boilerplate. */
  'boilerplate-classes',
  /** Drop short blocks of the extracted article that are mostly links to the site's own pages. */
  'link-density',
  /** Drop short blocks that are boilerplate phrases, share lines, captions and photo credits. */
  'boilerplate-text',
  /** Drop a leading copy of the title, leading byline and date lines, and headings left dangling at the end. */
  'article-edges',
] as const;

export type ExtractionRule = (typeof EXTRACTION_RULES)[number];

export interface ExtractOptions {
  /** Rules to leave out (the benchmark's ablation); none by default. */
  without?: ReadonlySet<ExtractionRule>;
}

export function ruleOn(options: ExtractOptions | undefined, rule: ExtractionRule): boolean {
  return !options?.without?.has(rule);
}
