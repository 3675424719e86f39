/**
 * Imported HTML is hostile. DOMPurify removes everything that can run
 * (scripts, handlers, javascript: URLs, frames, forms); the hooks below also
 * keep only images stored with the article (assets/<name>, see
 * localize-images.ts), turning every other image into a quiet placeholder the
 * reader styles, since the reader must never fetch from the web; and drop
 * links that point nowhere once a page is saved to disk.
 *
 * DOMPurify needs a browser-grade DOM: over linkedom it silently returns its
 * input unsanitized, so it runs over a jsdom window, made on first use
 * (loading jsdom costs half a second, so start-up does not pay it) and reused
 * for PAGES_PER_WINDOW pages. The renderer sanitizes again with the browser's
 * own DOM before display; this pass is the one that decides what is stored.
 *
 * Why a window is replaced: a jsdom document keeps each NodeIterator it ever
 * made (DOMPurify makes at least one a call) in a weakly held set, walked on
 * every node removal, and each iterator keeps its page's tree alive; only a
 * full garbage collection clears them, and over a long import those came too
 * seldom. Sanitizing got slower page after page (from 16 to 33 ms a page over
 * 1,600 pages) and the heap grew past a gigabyte between collections. With a
 * fresh window every 100 pages, about 7 ms to make, it stays near 15 ms.
 *
 * The input is parsed into an element of the inert document that template
 * contents live in, and cleaned in place, not handed to DOMPurify as a
 * string: DOMPurify parses strings with the window's DOMParser, and jsdom
 * keeps every element with an id or name of every such document alive (its
 * named-property tracker), so the heap grew by about 0.7 MB a page and
 * sanitizing slowed as it grew. jsdom does not track the inert document:
 * nothing runs or loads there, and memory stays flat over thousands of pages.
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { ASSET_PREFIX, isAssetName } from '../../shared/assets';

export interface SanitizedHtml {
  html: string;
  text: string;
}

interface Purifier {
  purify: DOMPurify;
  /** Where input is parsed: the inert document of the window's template contents. */
  inert: Document;
}

const PAGES_PER_WINDOW = 100;

let purifier: Promise<Purifier> | null = null;
let pagesOnWindow = 0;

const CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'link', 'meta'],
  FORBID_ATTR: ['style', 'class', 'srcset', 'sizes', 'target', 'ping', 'formaction'],
  SANITIZE_NAMED_PROPS: true,
  IN_PLACE: true,
};

function isSafeHref(href: string): boolean {
  return /^(?:https?:|mailto:)/i.test(href) || href.startsWith('#');
}

/** Stands in for an image that could not be kept: its description, in a box the reader styles. */
function missingImage(document: Document, alt: string | null): Element {
  const placeholder = document.createElement('span');
  placeholder.setAttribute('data-missing-image', '');
  placeholder.setAttribute('role', 'img');
  const label = alt?.trim() ? `Image not saved: ${alt.trim()}` : 'Image not saved';
  // The words live in the label, shown by the reader's CSS, so they do not
  // count as article text or shift highlight positions.
  placeholder.setAttribute('aria-label', label);
  return placeholder;
}

async function createPurifier(): Promise<Purifier> {
  const { JSDOM } = await import('jsdom');
  const { window } = new JSDOM('');
  const purify = createDOMPurify(window as unknown as Window & typeof globalThis);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      if (href !== null && !isSafeHref(href.trim())) node.removeAttribute('href');
      if (node.hasAttribute('href')) node.setAttribute('rel', 'noopener noreferrer');
    }
    if (node.nodeName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      if (!src.startsWith(ASSET_PREFIX) || !isAssetName(src.slice(ASSET_PREFIX.length))) {
        node.replaceWith(missingImage(node.ownerDocument, node.getAttribute('alt')));
      }
    }
  });
  const inert = window.document.createElement('template').content.ownerDocument;
  return { purify, inert: inert as unknown as Document };
}

const BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'DT',
  'DD',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'FIGCAPTION',
  'TD',
  'TH',
  'TR',
  'BR',
  'HR',
]);

const TEXT_NODE = 3;

/**
 * The text of a cleaned tree. textContent runs neighbouring blocks together
 * ("…end.Next…"), which miscounts words, so a space follows each block; one
 * walk collects it, rather than a selector query and a DOM edit per block.
 */
function textOf(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        parts.push(child.nodeValue ?? '');
        continue;
      }
      walk(child);
      if (BLOCKS.has(child.nodeName)) parts.push(' ');
    }
  };
  walk(root);
  return parts.join('');
}

/** The purifier for the next page: the current one, or a fresh one once it has done its share. */
function nextPurifier(): Promise<Purifier> {
  if (!purifier || pagesOnWindow >= PAGES_PER_WINDOW) {
    // Not closed: a page that awaits it still uses it, and a window without
    // scripts or timers is collected once nothing holds it.
    purifier = createPurifier();
    pagesOnWindow = 0;
  }
  pagesOnWindow++;
  return purifier;
}

export async function sanitizeHtml(dirty: string): Promise<SanitizedHtml> {
  const { purify, inert } = await nextPurifier();
  const body = inert.createElement('div');
  body.innerHTML = dirty;
  purify.sanitize(body, CONFIG);
  return { html: body.innerHTML.trim(), text: textOf(body) };
}
