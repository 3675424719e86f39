/**
 * A page's reader comments, kept as a folded appendix to the article
 * ("Comments (N)") rather than as article text or not at all: some readers
 * want the discussion of a post with their offline copy, none wants it read
 * as the post. They are taken out of the page before Readability reads it,
 * so they neither lift its choice to the container of post and discussion
 * nor get cut or kept by the rules meant for the article, and are put back
 * after the cleaned article, each comment's author, date and words without
 * the page's reply links, forms and avatars.
 *
 * Only the article's own discussion is kept, and only a short one: comments
 * that stand in or beside the container the page names as its article body
 * (comments elsewhere, in a side column or a box of recent comments on other
 * posts, are not about it), and no longer than the article itself (a thread
 * longer than the post is the site's forum, read there; keeping those cost
 * the labelled benchmark about 0.014 of precision, where the human labels
 * leave every comment out).
 */
import { bodyContainer } from './body-container';
import { textLength } from './removal-guard';

/** A comment, as comment systems mark one: a block classed "comment", or schema.org's Comment. */
const COMMENT_ITEM =
  'li[class~="comment"], article[class~="comment"], div[class~="comment"], [itemtype$="/Comment"]';

/** What the page puts around a comment's words: replying, forms, avatars, microdata. */
const COMMENT_CHROME =
  'form, button, input, textarea, select, label, img, picture, svg, video, iframe, meta, link, [class*="reply"], [id*="reply"], a[href*="replytocom"], [class*="avatar"]';

/** The section a page's comments stand in, heading and form included. */
const COMMENT_SECTION =
  '#comments, [class~="comments"], [class~="comments-area"], [class~="comment-list"], [class~="commentlist"]';

/** Levels above the article body the discussion may stand: the article, its wrapper, the page's main column. */
const NEAR_ARTICLE = 3;

export interface CommentSection {
  /** How many comments, replies included. */
  count: number;
  /** The top-level comments, cleaned, replies inside them. */
  comments: Element[];
}

const inComment = (element: Element) => !!element.closest(COMMENT_ITEM);

/** The element `levels` above `element`, or the highest there is. */
function ancestor(element: Element, levels: number): Element {
  let up = element;
  for (let i = 0; i < levels && up.parentElement; i++) up = up.parentElement;
  return up;
}

/** A comment as the article shows it: its words, author and date, in plain elements without the page's names. */
function cleanComment(item: Element): Element {
  const comment = item.cloneNode(true) as Element;
  for (const chrome of comment.querySelectorAll(COMMENT_CHROME)) {
    // A list of "replies" is comments, not a reply button.
    if (!chrome.querySelector(COMMENT_ITEM)) chrome.remove();
  }
  // A commenter's name set as a heading would read as a section of the article and fill its outline.
  for (const heading of comment.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const line = comment.ownerDocument.createElement('p');
    line.append(...heading.childNodes);
    heading.replaceWith(line);
  }
  for (const element of [...comment.querySelectorAll('*')].reverse()) {
    if (!element.textContent?.trim() && element.tagName !== 'BR') element.remove();
    element.removeAttribute('id');
    element.removeAttribute('class');
  }
  return comment;
}

/**
 * The article's discussion, cleaned and taken out of the page, or null when
 * the page has none beside its article (the page is then left as it was).
 */
export function takeCommentSection(document: Document): CommentSection | null {
  const article = bodyContainer(document, inComment);
  if (!article) return null;
  const scope = ancestor(article, NEAR_ARTICLE);
  const items = [...scope.querySelectorAll(COMMENT_ITEM)].filter(
    (item) => !!item.textContent?.trim() && !item.closest('aside, nav'),
  );
  const top = items.filter((item) => !item.parentElement?.closest(COMMENT_ITEM));
  if (top.length === 0) return null;
  const comments = top.map(cleanComment).filter((comment) => !!comment.textContent?.trim());
  const section = top[0]!.closest(COMMENT_SECTION);
  for (const item of top) item.remove();
  if (section && !section.contains(article)) section.remove();
  return comments.length > 0 ? { count: items.length, comments } : null;
}

/** The discussion after the article, folded under "Comments (N)", when it is no longer than the article. */
export function appendCommentSection(root: Element, section: CommentSection): void {
  const length = section.comments.reduce((sum, comment) => sum + textLength(comment), 0);
  if (length > textLength(root)) return;
  const document = root.ownerDocument;
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = `Comments (${section.count})`;
  const list = document.createElement('ol');
  for (const comment of section.comments) {
    const entry = document.createElement('li');
    entry.append(...comment.childNodes);
    list.append(entry);
  }
  details.append(summary, list);
  root.append(details);
}
