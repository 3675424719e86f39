/**
 * What is cut from a page before Readability reads it: elements that are
 * never article text (navigation, asides, footers, embeds, form controls,
 * dialogs) and the text of figures and captions. Readability scores
 * containers by their text, so a caption or a "More on this" aside inside the
 * article's container is otherwise kept with it.
 *
 * Pictures stay: a figure or caption block gives way to the images it holds,
 * without its caption and credit lines, because a reading app that lost an
 * article's pictures would be worse than one that kept a credit. Measured on
 * the article benchmark, cutting the same vocabulary page-wide instead of
 * only these elements loses far more article text than it removes noise, so
 * the class and id vocabulary is applied after Readability (clean-article.ts).
 */
import { ruleOn, type ExtractOptions } from './extraction-rules';
import { captionName } from './boilerplate';
import { removeGuarded, textLength } from './removal-guard';

const NEVER_ARTICLE =
  'aside, nav, menu, footer, iframe, embed, object, video, audio, canvas, dialog, input, select, textarea, button, [role="dialog"]';

/** The element replaced by the pictures it holds (none: it goes). */
function keepPictures(element: Element): void {
  const pictures = [...element.querySelectorAll('picture, img')].filter(
    (picture) => picture.tagName === 'PICTURE' || !picture.closest('picture'),
  );
  element.replaceWith(...pictures);
}

export function prunePage(document: Document, options?: ExtractOptions): void {
  const body = document.body;
  if (!body) return;
  if (ruleOn(options, 'prune-tags')) {
    for (const element of body.querySelectorAll(NEVER_ARTICLE)) element.remove();
    for (const figure of body.querySelectorAll('figure')) keepPictures(figure);
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
