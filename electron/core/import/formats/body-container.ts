/**
 * Where pages say their article body is: microdata, then the class names
 * article templates and blog engines give it, then the first <article>.
 * Named by the page rather than guessed, so it is only a hint: extraction
 * reads it again with Readability (extract-html.ts), and the reader comments
 * beside it are told from comments elsewhere on the page by it
 * (comment-section.ts).
 */

/** Most specific first. */
const BODY_CONTAINER = [
  '[itemprop~="articleBody" i]',
  '[class~="article-body"], [class~="article__body"], [class~="articleBody"], [id="article-body"]',
  '[class~="entry-content"], [class~="post-content"], [class~="post-body"], [class~="story-body"]',
  '[class~="article-content"], [class~="article__content"], [class~="content-body"]',
  'article',
];

/** The first element of the page named as its article body, passing over those `skip` rules out. */
export function bodyContainer(
  document: Document,
  skip: (element: Element) => boolean = () => false,
): Element | null {
  for (const selector of BODY_CONTAINER) {
    for (const container of document.body?.querySelectorAll(selector) ?? []) {
      if (!skip(container)) return container;
    }
  }
  return null;
}
