/**
 * Text a page writes for screen readers only: a "Photo" label before each
 * picture, "Credit" before a photographer's name, a heading that names a
 * list for those who cannot see its layout. Pages hide it from sight, not
 * from the accessibility tree, with the "visually hidden" pattern: a box of
 * at most one pixel, taken out of the flow, its content cut off. Such text
 * belongs to the article (Readability keeps it) but shown as plain text it
 * would put a stray "Photo" above every picture, so it is kept and marked
 * (SCREEN_READER_ONLY), and the reader hides it the same way.
 *
 * The pattern is read from the page's own top-level style rules for a
 * single class, from an element's inline style, and from the class names
 * the common frameworks give it (their style sheets are rarely saved with
 * the page). Rules inside @media or other groups are left out: they hide
 * text on some screens only. Text hidden from everyone (display:none, the
 * hidden attribute, aria-hidden) is no screen-reader text, so it is never
 * marked and stays removed as before (Readability drops it).
 */

/** The attribute that marks screen-reader-only text in a stored article; the reader hides what carries it. */
export const SCREEN_READER_ONLY = 'data-screen-reader-only';

/** Class names that frameworks and CMSs give visually hidden text (Bootstrap, Tailwind, WordPress, HTML5 Boilerplate and others). */
const CONVENTIONAL_CLASSES = [
  'sr-only',
  'visually-hidden',
  'visuallyhidden',
  'screen-reader-text',
  'screen-reader-only',
  'a11y-hidden',
];

/** A selector that is one class and nothing else, with a name querySelector takes unescaped. */
const SINGLE_CLASS = /^\.(-?[_a-z][\w-]*)$/i;

/** A length of at most one pixel. */
const AT_MOST_A_PIXEL = /^(?:0|[01](?:\.0+)?px)$/;

type Declarations = Map<string, string>;

/** A declaration block's properties, lower-cased, later ones winning, without !important. */
function parseDeclarations(block: string, into: Declarations = new Map()): Declarations {
  for (const declaration of block.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!\s*important/i, '')
      .trim()
      .toLowerCase();
    if (property && value) into.set(property, value);
  }
  return into;
}

/** Whether declarations hide an element from sight only: out of the flow, one pixel at most, its content cut off. */
function visuallyHidden(style: Declarations): boolean {
  const cutOff =
    style.get('overflow') === 'hidden' ||
    /^rect\(/.test(style.get('clip') ?? '') ||
    /^inset\(/.test(style.get('clip-path') ?? '');
  return (
    /^(?:absolute|fixed)$/.test(style.get('position') ?? '') &&
    AT_MOST_A_PIXEL.test(style.get('width') ?? '') &&
    AT_MOST_A_PIXEL.test(style.get('height') ?? '') &&
    cutOff &&
    style.get('display') !== 'none' &&
    style.get('visibility') !== 'hidden'
  );
}

/**
 * The top-level rules of a style sheet as [selectors, declarations]; group
 * rules (@media, nesting) skipped. Walked brace to brace with indexOf: the
 * sheets of news pages run to hundreds of kilobytes.
 */
function topLevelRules(css: string): [string, string][] {
  const rules: [string, string][] = [];
  let depth = 0;
  let ruleStart = 0;
  let blockStart = 0;
  let nested = false;
  let open = css.indexOf('{');
  let close = css.indexOf('}');
  while (open >= 0 || close >= 0) {
    if (open >= 0 && (close < 0 || open < close)) {
      if (depth === 0) [blockStart, nested] = [open, false];
      else nested = true;
      depth++;
      open = css.indexOf('{', open + 1);
      continue;
    }
    if (depth > 0 && --depth === 0) {
      // What follows the last ";" before the block: an @import or @charset line is not part of the selector.
      if (!nested)
        rules.push([css.slice(ruleStart, blockStart).split(';').at(-1)!, css.slice(blockStart + 1, close)]);
      ruleStart = close + 1;
    }
    close = css.indexOf('}', close + 1);
  }
  return rules;
}

const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;

/**
 * The classes the page's own style rules make visually hidden. Read from
 * the raw markup, because styles are cut before the page is parsed
 * (withoutInertMarkup in extract-html.ts).
 */
export function visuallyHiddenClasses(html: string): string[] {
  const rules: [string, string][] = [];
  for (const [, sheet] of html.matchAll(STYLE_ELEMENT)) {
    const css = sheet!.replace(/\/\*[\s\S]*?\*\/|<!\[CDATA\[|\]\]>/g, '');
    for (const [selectors, block] of topLevelRules(css)) {
      for (const selector of selectors.split(',')) {
        const name = SINGLE_CLASS.exec(selector.trim())?.[1];
        if (name) rules.push([name, block]);
      }
    }
  }
  // Only a class that some rule takes out of the flow can be hidden this way;
  // the declarations of the rest, nearly all of a sheet, are never read.
  const placed = new Set(rules.filter(([, block]) => /position/i.test(block)).map(([name]) => name));
  const styles = new Map<string, Declarations>();
  for (const [name, block] of rules) {
    if (placed.has(name)) styles.set(name, parseDeclarations(block, styles.get(name)));
  }
  return [...styles].filter(([, style]) => visuallyHidden(style)).map(([name]) => name);
}

/** Whether an element (with its inline `style`) is hidden from everyone, screen readers included. */
const hiddenFromAll = (element: Element, style: Declarations) =>
  element.hasAttribute('hidden') ||
  element.getAttribute('aria-hidden') === 'true' ||
  style.get('display') === 'none';

/**
 * Marks the document's screen-reader-only elements with SCREEN_READER_ONLY:
 * those with one of `classes` (visuallyHiddenClasses) or a conventional
 * class name, and those whose inline style is the pattern.
 */
export function markScreenReaderText(document: Document, classes: readonly string[]): void {
  const names = new Set([...CONVENTIONAL_CLASSES, ...classes]);
  // One query for both kinds: each walk of a large page's tree costs about a millisecond.
  const candidates = [...[...names].map((name) => `.${name}`), '[style*="position"]'].join(', ');
  for (const element of document.body?.querySelectorAll(candidates) ?? []) {
    const named = (element.getAttribute('class') ?? '').split(/\s+/).some((name) => names.has(name));
    const style = parseDeclarations(element.getAttribute('style') ?? '');
    if ((named || visuallyHidden(style)) && !hiddenFromAll(element, style))
      element.setAttribute(SCREEN_READER_ONLY, '');
  }
}
