/**
 * Filters on the block Readability extracted, in the manner of trafilatura:
 * Readability picks the right container on nearly every page, but keeps
 * what sits inside it (share bars, "Related" lists, credits, the byline and
 * date, a copy of the title). Applied to its output, not to the whole page:
 * the same vocabulary page-wide removes article text on many sites.
 *
 * Every rule goes through removeGuarded, so a rule that would take away
 * nearly all of the text is not applied.
 */
import { besidePicture, boilerplateName, boilerplateText, creditText } from './boilerplate';
import { ruleOn, type ExtractOptions } from './extraction-rules';
import { translationRow } from './language-links';
import { parseDate } from './metadata';
import { removeGuarded, textLength } from './removal-guard';
import { navigationLink } from './site-links';
import { tagRows } from './tag-rows';

const CONTAINERS = new Set([
  'DIV',
  'SECTION',
  'ASIDE',
  'HEADER',
  'FOOTER',
  'UL',
  'OL',
  'DL',
  'LI',
  'P',
  'SPAN',
  'TABLE',
  'FIGURE',
  'FIGCAPTION',
]);
const BLOCKS = 'p, li, div, section, h1, h2, h3, h4, h5, h6, figcaption, span, dd, dt, blockquote, small';
const HEADING = /^H[1-6]$/;
const INLINE = new Set(['SPAN', 'SMALL']);

export interface ArticleContext {
  title: string | null;
  byline: string | null;
  /** The page's own host (site-links.ts), so links to its other pages can be told from links out of it. */
  site: string | null;
}

const normalized = (text: string | null | undefined) =>
  (text ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function linkTextLength(element: Element, site: string | null): number {
  let length = 0;
  for (const link of element.querySelectorAll('a')) {
    if (navigationLink(link, site)) length += textLength(link);
  }
  return length;
}

/**
 * Blocks whose class or id names boilerplate, save the words of a line
 * (wordsOfLine), and rows of the page's tag links, which say the same in
 * markup; the classes go afterwards, as the stored article keeps none.
 */
function boilerplateClasses(root: Element): void {
  const matches = [...root.querySelectorAll('[class], [id]')].filter(
    // Inside a heading an id is the heading's own words ("Promotion_controversy"), not a name for furniture.
    (element) =>
      CONTAINERS.has(element.tagName) &&
      !element.closest('h1, h2, h3, h4, h5, h6') &&
      boilerplateName(element) &&
      !wordsOfLine(element),
  );
  removeGuarded(root, [...matches, ...tagRows(root)], 1 / 7);
}

/** Elements that make a line of text rather than a block of their own. */
const PHRASING = new Set(['SPAN', 'SMALL', 'B', 'STRONG', 'I', 'EM', 'U', 'FONT', 'A', 'LABEL']);

/**
 * The entry a block belongs to: the block itself, or, when a page sets it
 * inside a line (`<span><b>Name</b><p><a>what it is</a></p></span>`), the
 * outermost element of that line. The browser shows the two as one entry, a
 * name and what it links to; judged apart, the link would go and its name
 * stay behind as a stub.
 */
function entryOf(block: Element): Element {
  let entry = block;
  while (entry.parentElement && PHRASING.has(entry.parentElement.tagName)) entry = entry.parentElement;
  return entry;
}

/**
 * Short blocks that are mostly links to the site's own pages: lists of other
 * articles, tag rows, section menus. A block with more text than a short
 * list is left to Readability's own link-density check. A block set inside a
 * line is judged, and removed, with its entry (entryOf). A row of the
 * article's own translations is about this article, not a way to others, so
 * it stays (language-links.ts).
 */
function linkDensity(root: Element, site: string | null): void {
  const blocks = root.querySelectorAll('p, ul, ol, dl, div, section, table');
  const entries = [...blocks].flatMap((block) => {
    const entry = entryOf(block);
    const length = textLength(entry);
    // A short paragraph of links ends an article more often than it stands inside one.
    const last = !entry.nextElementSibling;
    const limit = block.tagName === 'P' ? (last ? 60 : 30) : last ? 400 : 200;
    const linkList = length > 0 && length < limit && linkTextLength(entry, site) > 0.8 * length;
    return linkList && !translationRow(entry) ? [entry] : [];
  });
  removeGuarded(root, [...new Set(entries)], 1 / 2);
}

/** An inline element whose parent says more than it does: words of a sentence, not a line of its own. */
const partOfLine = (element: Element) =>
  INLINE.has(element.tagName) &&
  !!element.parentElement &&
  textLength(element.parentElement) > textLength(element);

/** Elements that end a line of text, so a parent holding one is a block of lines rather than a line. */
const LINE_BREAKS =
  'p, li, div, section, h1, h2, h3, h4, h5, h6, figcaption, dd, dt, blockquote, ul, ol, table, br';

/**
 * An inline element that is some of the words of a single line ("By
 * <span class="author">Ann Lee</span>"): taking it out would leave a stub
 * ("By"), so the line is judged as a whole, by the rules on lines.
 */
const wordsOfLine = (element: Element) =>
  partOfLine(element) && !element.parentElement!.querySelector(LINE_BREAKS);

/**
 * Leaf blocks whose whole text is page furniture. A span that is one word
 * of a line ("<span>Sign up</span> for our newsletter") is judged with its line,
 * so a stub of it is not left behind. A credit line beside its picture is
 * read with it, as the page shows it; one whose picture is gone (a lazy
 * image's empty placeholder) is small print about nothing.
 */
function boilerplateBlocks(root: Element): void {
  const matches = [...root.querySelectorAll(BLOCKS)].filter((element) => {
    if (element.querySelector(BLOCKS)) return false;
    const text = element.textContent ?? '';
    return boilerplateText(text) && !partOfLine(element) && !(creditText(text) && besidePicture(element));
  });
  removeGuarded(root, matches, 1 / 2);
}

/** The first and last blocks with text, in reading order. */
function edgeBlocks(root: Element): Element[] {
  return [...root.querySelectorAll(BLOCKS)].filter(
    (element) => !element.querySelector(BLOCKS) && textLength(element) > 0,
  );
}

function bylineOrDate(text: string, context: ArticleContext): boolean {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length > 80) return false;
  if (context.byline && normalized(line) === normalized(context.byline)) return true;
  if (/^[Bb][Yy]:?\s+\p{Lu}/u.test(line) && line.split(' ').length <= 8) return true;
  // A line that is only a date (with its time and a word or two such as "Updated").
  return parseDate(line) !== null && line.replace(/[\p{L}]+/gu, '').length >= line.length / 3;
}

/** A leading copy of the title and leading byline and date lines; headings with nothing after them. */
function articleEdges(root: Element, context: ArticleContext): void {
  const blocks = edgeBlocks(root);
  const leading: Element[] = [];
  for (const block of blocks.slice(0, 4)) {
    const text = block.textContent ?? '';
    if (leading.length === 0 && context.title && normalized(text) === normalized(context.title))
      leading.push(block);
    else if (bylineOrDate(text, context)) leading.push(block);
    else break;
  }
  const trailing: Element[] = [];
  for (let i = blocks.length - 1; i >= 0 && HEADING.test(blocks[i]!.tagName); i--) trailing.push(blocks[i]!);
  removeGuarded(root, [...leading, ...trailing], 1 / 2);
}

const EDIT_LINK =
  /^\[?\s*(?:edit|edit source|bearbeiten|quelltext bearbeiten|modifier|modifier le code|editar|modifica)\s*\]?$/i;

/** A wiki's "[edit]" links inside headings, brackets included, so the heading reads as its own words. */
function editLinks(root: Element): void {
  for (const heading of root.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    for (const link of heading.querySelectorAll('a')) {
      if (!EDIT_LINK.test((link.textContent ?? '').trim())) continue;
      let edit: Element = link;
      while (
        edit.parentElement &&
        edit.parentElement !== heading &&
        EDIT_LINK.test((edit.parentElement.textContent ?? '').trim())
      ) {
        edit = edit.parentElement;
      }
      edit.remove();
    }
  }
}

export function cleanArticle(root: Element, context: ArticleContext, options?: ExtractOptions): void {
  if (ruleOn(options, 'edit-links')) editLinks(root);
  if (ruleOn(options, 'boilerplate-classes')) boilerplateClasses(root);
  if (ruleOn(options, 'link-density')) linkDensity(root, context.site);
  if (ruleOn(options, 'boilerplate-text')) boilerplateBlocks(root);
  if (ruleOn(options, 'article-edges')) articleEdges(root, context);
  for (const element of root.querySelectorAll('[class]')) element.removeAttribute('class');
}
