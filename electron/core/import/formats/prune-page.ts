/**
 * What is cut from a page before Readability reads it: elements that are
 * never article text (navigation, asides, footers, embeds, form controls,
 * dialogs) and the text of figures and captions. Readability scores
 * containers by their text, so a caption or a "More on this" aside inside the
 * article's container is otherwise kept with it.
 *
 * Pictures stay: a figure or caption block gives way to the images it holds,
 * without its credit lines, because a reading app that lost an article's
 * pictures would be worse than one that kept a credit. A figure keeps a short
 * caption of its own, or a long one when its picture has no alt text, the
 * caption then being its only description (keepFigure); other caption-named
 * blocks go. Measured on the article benchmark, cutting the same vocabulary
 * page-wide instead of only these elements loses far more article text than
 * it removes noise, so the class and id vocabulary is applied after
 * Readability (clean-article.ts).
 */
import { ruleOn, type ExtractOptions } from './extraction-rules';
import { LABEL_LENGTH, captionName, creditName, creditText } from './boilerplate';
import { removeGuarded, squeezed, textLength } from './removal-guard';
import { SCREEN_READER_ONLY } from './screen-reader-text';

const NEVER_ARTICLE =
  'aside, nav, menu, footer, iframe, embed, object, video, audio, canvas, dialog, input, select, textarea, button, [role="dialog"]';

/** The descendants of an element that match `selector` and are not inside another of them, in reading order. */
function outermostIn(element: Element, selector: string): Element[] {
  return [...element.querySelectorAll(selector)].filter((part) => {
    const outer = part.parentElement?.closest(selector);
    return !outer || !element.contains(outer);
  });
}

const PICTURES = 'picture, img';

const picturesIn = (element: Element) => outermostIn(element, PICTURES);

/**
 * A figure's pictures with its screen-reader labels outside its caption
 * ("Photo" before a linked picture): the page means them to be read with the
 * picture, and the reader keeps them out of sight as the page does
 * (screen-reader-text.ts).
 */
const picturesAndLabelsIn = (figure: Element) =>
  outermostIn(figure, `${PICTURES}, [${SCREEN_READER_ONLY}]`).filter(
    (part) => part.matches(PICTURES) || !part.closest('figcaption'),
  );

/** The element replaced by the pictures it holds (none: it goes). */
function keepPictures(element: Element): void {
  element.replaceWith(...picturesIn(element));
}

/** A credit written at the end of a caption's own sentence: "… on Monday. Credit: ESA", "(Photo: Getty Images)". */
const TRAILING_CREDIT =
  /[\s|–—-]*\(?\b(?:photo(?:graph)?|image|picture|credit)s?(?: credit)?\s*:[^()]*\)?[^.!?]*$/i;

/** NodeFilter.SHOW_TEXT, which Node has no global for. */
const SHOW_TEXT = 4;

const linkText = (element: Element) =>
  [...element.querySelectorAll('a')].reduce((sum, link) => sum + textLength(link), 0);

/**
 * Whether a picture of the figure says what it shows in its own words (alt
 * text). One that does not leaves that to the caption, as HTML lets a
 * captioned figure's image do: its caption is then the picture's only
 * description, and is kept whatever its length.
 */
const describesItself = (figure: Element) =>
  [...figure.querySelectorAll('img')].some((image) => !!image.getAttribute('alt')?.trim());

/**
 * A figure's caption without its credit, or null when it is none to keep:
 * the caption says what the picture shows and is read with it; the credit
 * is the picture's small print. A figcaption that is mostly links is a card
 * for another article, and one left with only a credit or a bare "Photo" has
 * nothing to say. A long caption is kept only when it is the picture's
 * description (describesItself).
 */
function captionWithoutCredits(figure: Element): Element | null {
  const caption = figure.querySelector('figcaption');
  if (!caption || linkText(caption) > textLength(caption) / 2) return null;
  for (const part of caption.querySelectorAll('*')) {
    if (caption.contains(part) && (creditName(part) || creditText(part.textContent ?? ''))) part.remove();
  }
  // Some pages print the caption twice (for the page and for its lightbox): it is read once.
  const seen = new Set<string>();
  for (const part of [...caption.children]) {
    const words = squeezed(part.textContent);
    if (words && seen.has(words)) part.remove();
    seen.add(words);
  }
  const texts: Node[] = [];
  const walker = figure.ownerDocument.createTreeWalker(caption, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent?.trim()) texts.push(node);
  }
  const last = texts.at(-1);
  if (last) last.textContent = (last.textContent ?? '').replace(TRAILING_CREDIT, '');
  const text = squeezed(caption.textContent);
  return text &&
    (text.length <= LABEL_LENGTH || !describesItself(figure)) &&
    !creditText(text) &&
    !/^(?:photo|image|picture|video)$/i.test(text)
    ? caption
    : null;
}

/**
 * The figure left holding only its pictures, their screen-reader labels and
 * its caption (without credits); one with no caption to keep gives way to
 * its pictures and labels. A captioned figure itself stays: Readability
 * drops a list whose items hold more than one element and no paragraph, so
 * a list of illustrated items whose figures were unwrapped would vanish,
 * pictures and all.
 */
function keepFigure(figure: Element): void {
  const caption = captionWithoutCredits(figure);
  const parts = picturesAndLabelsIn(figure);
  if (!caption) return figure.replaceWith(...parts);
  figure.replaceChildren(...parts.filter((part) => !caption.contains(part)), caption);
}

export function prunePage(document: Document, options?: ExtractOptions): void {
  const body = document.body;
  if (!body) return;
  if (ruleOn(options, 'prune-tags')) {
    for (const element of body.querySelectorAll(NEVER_ARTICLE)) element.remove();
    for (const figure of body.querySelectorAll('figure')) keepFigure(figure);
    // A form that wraps the whole page (as some site builders do) is the page, not a form.
    const total = textLength(body);
    for (const form of body.querySelectorAll('form')) {
      if (textLength(form) <= total / 2) form.remove();
    }
  }
  if (ruleOn(options, 'prune-captions')) {
    const captions = [...body.querySelectorAll('[class], [id]')].filter(captionName);
    removeGuarded(body, captions, 1 / 7, keepPictures);
  }
}
