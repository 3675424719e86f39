/**
 * Imported HTML is hostile. This pass decides what is stored: it removes
 * everything that can run (scripts, handlers, javascript: URLs, frames,
 * forms) and what the shared policy forbids (electron/shared/sanitize-policy.ts),
 * keeps only images stored with the article (assets/<name>, see
 * localize-images.ts), turning every other image into a quiet placeholder the
 * reader styles, since the reader must never fetch from the web, and drops
 * links that point nowhere once a page is saved to disk. The renderer
 * sanitizes again with the browser's own DOM before display.
 *
 * The page is read by parse5, the HTML standard's parser that jsdom and
 * browsers follow, into a bare tree, and written back by its serializer. So
 * the tree cleaned here is the tree a browser builds from the same markup,
 * and the markup written holds only the elements and attributes kept: every
 * text is escaped, every value quoted, and no element whose content is raw
 * text (script, style, textarea, title, xmp, iframe, noscript) or foreign
 * (svg, math) survives, so reading it again cannot make a new element.
 *
 * It replaced DOMPurify over a jsdom window, with DOMPurify's HTML profile
 * and rules kept (html-allowlist.ts): jsdom took longer to clean an article
 * than the whole extraction took to find it, and half a second to load in
 * each import worker.
 */
import { defaultTreeAdapter, html as html5, parse, serialize, type DefaultTreeAdapterTypes } from 'parse5';
import { ASSET_PREFIX, isAssetName } from '../../../shared/assets';
import { isKeptLink, sanitizePolicy } from '../../../shared/sanitize-policy';
import { EMPTIED_TAGS, KEPT_TAGS, keptAttribute } from './html-allowlist';

type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;

export interface SanitizedHtml {
  html: string;
  text: string;
}

const POLICY = sanitizePolicy('import');
const FORBIDDEN_TAGS = new Set(POLICY.forbidTags);
const FORBIDDEN_ATTRIBUTES = new Set(POLICY.forbidAttributes);

/**
 * Ids and names get a prefix, so no stored element can shadow a property of
 * the document it is shown in (DOM clobbering); in-page links are read with
 * it by the reader.
 */
const NAMED_PREFIX = 'user-content-';

export const MISSING_IMAGE_LABEL = 'Image not saved';

/**
 * Stands in for an image that could not be kept: its description, in a box
 * the reader styles. A web image's address stays as the attribute's value,
 * never loaded, so the picture can be fetched later (missing-images.ts).
 */
function missingImage(src: string, alt: string | null): Element {
  const label = alt?.trim() ? `${MISSING_IMAGE_LABEL}: ${alt.trim()}` : MISSING_IMAGE_LABEL;
  return defaultTreeAdapter.createElement('span', html5.NS.HTML, [
    { name: 'data-missing-image', value: /^https?:\/\//i.test(src) ? src : '' },
    { name: 'role', value: 'img' },
    // The words live in the label, shown by the reader's CSS, so they do not
    // count as article text or shift highlight positions.
    { name: 'aria-label', value: label },
  ]);
}

function attribute(element: Element, name: string): string | null {
  return element.attrs.find((attr) => attr.name === name)?.value ?? null;
}

/** The element's attributes that are kept, with their values as stored. */
function keptAttributes(element: Element) {
  const kept = [];
  for (const { name, value: raw } of element.attrs) {
    if (FORBIDDEN_ATTRIBUTES.has(name)) continue;
    let value = name === 'value' ? raw : raw.trim();
    if ((name === 'id' || name === 'name') && !value.startsWith(NAMED_PREFIX)) value = NAMED_PREFIX + value;
    if (keptAttribute(element.tagName, name, value)) kept.push({ name, value });
  }
  if (element.tagName === 'a') {
    const href = kept.find((attr) => attr.name === 'href');
    if (href && !isKeptLink(href.value)) kept.splice(kept.indexOf(href), 1);
    else if (href) {
      const rel = kept.findIndex((attr) => attr.name === 'rel');
      if (rel >= 0) kept.splice(rel, 1);
      kept.push({ name: 'rel', value: 'noopener noreferrer' });
    }
  }
  return kept;
}

/** An image kept only when it is stored with the article; any other becomes its placeholder. */
function isStoredImage(element: Element): boolean {
  const src = attribute(element, 'src') ?? '';
  return src.startsWith(ASSET_PREFIX) && isAssetName(src.slice(ASSET_PREFIX.length));
}

/**
 * The cleaned children of `parent`, in place of its own. An element that is
 * not kept leaves its cleaned content where it stood, unless what it holds
 * is never article text (EMPTIED_TAGS); comments and anything outside HTML's
 * namespace go.
 */
function cleanChildren(parent: ParentNode): ChildNode[] {
  const kept: ChildNode[] = [];
  for (const child of parent.childNodes) {
    if (child.nodeName === '#text') {
      kept.push(child);
      continue;
    }
    if (!('tagName' in child) || child.namespaceURI !== html5.NS.HTML) continue;
    const tag = child.tagName;
    if (!KEPT_TAGS.has(tag) || FORBIDDEN_TAGS.has(tag)) {
      if (!EMPTIED_TAGS.has(tag)) kept.push(...cleanChildren(child));
      continue;
    }
    if (tag === 'img' && !isStoredImage(child)) {
      kept.push(missingImage(attribute(child, 'src') ?? '', attribute(child, 'alt')));
      continue;
    }
    child.attrs = keptAttributes(child);
    adopt(child, cleanChildren(child));
    kept.push(child);
  }
  return kept;
}

function adopt(parent: ParentNode, children: ChildNode[]): void {
  parent.childNodes = children;
  for (const child of children) child.parentNode = parent;
}

const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'figcaption',
  'td',
  'th',
  'tr',
  'br',
  'hr',
]);

/**
 * The text of a cleaned tree. Its text content would run neighbouring blocks
 * together ("…end.Next…"), which miscounts words, so a space follows each
 * block.
 */
function textOf(root: ParentNode): string {
  const parts: string[] = [];
  const walk = (node: ParentNode) => {
    for (const child of node.childNodes) {
      if (child.nodeName === '#text') {
        parts.push((child as DefaultTreeAdapterTypes.TextNode).value);
        continue;
      }
      if (!('tagName' in child)) continue;
      walk(child);
      if (BLOCKS.has(child.tagName)) parts.push(' ');
    }
  };
  walk(root);
  return parts.join('');
}

export function sanitizeHtml(dirty: string): SanitizedHtml {
  // A whole document, as a browser reads a page: what belongs in its head
  // (a title, meta tags) is never part of the article.
  const html = parse(dirty).childNodes.find((node) => node.nodeName === 'html') as Element;
  const body = html.childNodes.find((node) => node.nodeName === 'body') as Element;
  adopt(body, cleanChildren(body));
  return { html: serialize(body).trim(), text: textOf(body) };
}
