/**
 * The words by which pages mark what is not the article: class and id names
 * of share bars, newsletters, "Related" lists and credits, and the short
 * phrases such blocks consist of. General vocabulary only (no site's own
 * names), in the manner of trafilatura's discard lists, so each matches the
 * habit of many sites rather than one.
 *
 * Class and id names are matched at the start of a word of the name
 * ("related-posts", "shareBar", "article__social") so a class that only
 * contains the letters ("unrelated", "header") does not count.
 */
import { squeezed } from './removal-guard';

const BOILERPLATE_NAME = new RegExp(
  '(?:^|[^a-z])(?:' +
    [
      'share',
      'sharing',
      'social',
      'newsletter',
      'subscri',
      'signup',
      'related',
      'recommend',
      'more-from',
      'more-stories',
      'read-more',
      'readmore',
      'read-next',
      'trending',
      'popular',
      'promo',
      'sponsor',
      'advert',
      'ads?(?:$|[^a-z])',
      'widget',
      'sidebar',
      'breadcrumb',
      'byline',
      'author',
      'meta(?:$|[^a-z]|data)',
      'dateline',
      'timestamp',
      'tags?(?:$|[^a-z])',
      'tag-?list',
      'topics',
      'copyright',
      'slide',
      'carousel',
      'toolbar',
      'print',
      'comments?(?:$|[^a-z])',
      'cookie',
      'consent',
      'modal',
      'popup',
      'donate',
      'follow',
      'rating',
    ].join('|') +
    ')',
);

/** The class and id of an element, lower-cased, as the vocabulary reads them. */
export function nameOf(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.toLowerCase();
}

/**
 * Longest caption kept with its picture. A short caption labels it (a step of
 * a how-to, a figure of a post) and reads as part of the text; a long one is
 * a news photo's own story, which the article's readers pass over and the
 * labelled benchmark leaves out: keeping those cost it more precision than
 * the test pages gained.
 */
export const LABEL_LENGTH = 100;

const PICTURE = 'img, picture';

/** Whether an element stands next to a picture, as a caption or credit printed under or over it does. */
export const besidePicture = (element: Element) =>
  [element.previousElementSibling, element.nextElementSibling].some(
    (sibling) => !!sibling && (sibling.matches(PICTURE) || !!sibling.querySelector(PICTURE)),
  );

/** "caption" at the start of a word of the name, unless the name says there is none ("no_caption"). */
const CAPTION_NAME = /(?:^|[^a-z])(?<!no[-_]?)caption/;

/**
 * Whether an element's class or id names it a picture's caption or credit.
 * A "caption" with a heading of its own is a video's or gallery's title and
 * summary, which pages mean to be read with the article, so it is not one.
 */
export function captionName(element: Element): boolean {
  if (creditName(element)) return true;
  if (!CAPTION_NAME.test(nameOf(element)) || element.querySelector('h1, h2, h3, h4, h5, h6')) return false;
  // A figure's own caption is read with its picture (prune-page.ts keeps it only when it is one).
  if (element.closest('figcaption')) return false;
  // A short caption in a list item is the item's own words (an illustrated
  // step or entry); beside its picture it labels it, as a figure's short
  // caption does (prune-page.ts). A long one is a news photo's story of its
  // own, a slideshow's included.
  return (
    !(element.closest('li') || besidePicture(element)) || squeezed(element.textContent).length > LABEL_LENGTH
  );
}

/** Whether an element's class or id names it a credit line. */
export function creditName(element: Element): boolean {
  return /(?:^|[^a-z])credit/.test(nameOf(element));
}

/** Whether an element's class or id names it boilerplate, captions and credits included. */
export function boilerplateName(element: Element): boolean {
  return BOILERPLATE_NAME.test(nameOf(element)) || captionName(element);
}

/**
 * Whole short blocks that are page furniture, not article text. Each phrase
 * must end where a word ends, so "Ad" does not take "Advanced solid-state
 * home button" with it.
 */
const BOILERPLATE_PHRASE =
  /^(?:advertisement|advertising|sponsored(?: content)?|ad|read (?:more|next|also|the full story)|more (?:on|from|about) this|related(?: articles| stories| posts| content| coverage| reading)?|recommended(?: for you)?|you (?:may|might) also like|sign up|subscribe|follow us|share (?:this|on)|tags?\s*:|topics?\s*:|filed under|(?:\d+ )?comments?(?: \(\d+\))?$|leave a (?:comment|reply)|post a comment|©|copyright|all rights reserved)(?![\p{L}\p{N}])/iu;

/** A picture's credit or caption line. */
const CREDIT =
  /^(?:photo(?:graph)?s?|images?|pictures?|illustrations?|credits?|foto|video)\s*(?::|by\b)|\b(?:getty images|ap photo|afp via getty|shutterstock|reuters\/|afp\/|epa\/)|^\(?(?:image|photo|picture)\s*:/i;

const SHARE_WORDS = new Set(
  'share shares sharing tweet twitter x facebook email e mail linkedin whatsapp pinterest reddit print copy link comment comments save messenger telegram flipboard on this article story via'.split(
    ' ',
  ),
);

/** Whether a line is only a picture's credit ("Photo: …", "… /Getty Images"). */
export function creditText(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed.length <= 120 && CREDIT.test(trimmed);
}

/** Whether a short block's text is only page furniture: a boilerplate phrase, a credit, a row of share words. */
export function boilerplateText(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (!trimmed || trimmed.length > 120) return false;
  if (BOILERPLATE_PHRASE.test(trimmed) && trimmed.length <= 60) return true;
  if (creditText(trimmed)) return true;
  const words = trimmed.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return (
    words.length > 0 && words.some((w) => w.startsWith('share')) && words.every((w) => SHARE_WORDS.has(w))
  );
}
