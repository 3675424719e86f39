/**
 * Imported HTML is hostile. DOMPurify removes everything that can run
 * (scripts, handlers, javascript: URLs, frames, forms), and what the shared
 * policy forbids (electron/shared/sanitize-policy.ts); the hooks below also
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
 * DOMPurify is given the page as a string: it parses it into a document of
 * its own with the window's DOMParser, cleans that, and hands back its body.
 * Its in-place mode (cleaning a tree parsed beforehand) walks the tree five
 * more times, to catch nodes moved while it works, and sanitizing took a
 * fifth longer with it. Once read, that document's tree is detached: jsdom
 * registers every element with an id or name, in any document of a window,
 * among the window's named properties, and would keep each page's tree
 * alive (the heap grew by about 0.7 MB a page).
 *
 * A window is still replaced every PAGES_PER_WINDOW pages (about 7 ms to
 * make): kept for good, it held on to about 20 KB more with every page (the
 * heap after a full collection grew by 27 MB over 1,250 pages).
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { ASSET_PREFIX, isAssetName } from '../../../shared/assets';
import { isKeptLink, sanitizePolicy } from '../../../shared/sanitize-policy';

export interface SanitizedHtml {
  html: string;
  text: string;
}

const PAGES_PER_WINDOW = 100;

let purifier: Promise<DOMPurify> | null = null;
let pagesOnWindow = 0;

const POLICY = sanitizePolicy('import');
const CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: POLICY.forbidTags,
  FORBID_ATTR: POLICY.forbidAttributes,
  SANITIZE_NAMED_PROPS: true,
  RETURN_DOM: true as const,
};

export const MISSING_IMAGE_LABEL = 'Image not saved';

/**
 * Stands in for an image that could not be kept: its description, in a box
 * the reader styles. A web image's address stays as the attribute's value,
 * never loaded, so the picture can be fetched later (missing-images.ts).
 */
function missingImage(document: Document, src: string, alt: string | null): Element {
  const placeholder = document.createElement('span');
  placeholder.setAttribute('data-missing-image', /^https?:\/\//i.test(src) ? src : '');
  placeholder.setAttribute('role', 'img');
  const label = alt?.trim() ? `${MISSING_IMAGE_LABEL}: ${alt.trim()}` : MISSING_IMAGE_LABEL;
  // The words live in the label, shown by the reader's CSS, so they do not
  // count as article text or shift highlight positions.
  placeholder.setAttribute('aria-label', label);
  return placeholder;
}

async function createPurifier(): Promise<DOMPurify> {
  const { JSDOM } = await import('jsdom');
  const { window } = new JSDOM('');
  const purify = createDOMPurify(window as unknown as Window & typeof globalThis);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      if (href !== null && !isKeptLink(href)) node.removeAttribute('href');
      if (node.hasAttribute('href')) node.setAttribute('rel', 'noopener noreferrer');
    }
    if (node.nodeName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      if (!src.startsWith(ASSET_PREFIX) || !isAssetName(src.slice(ASSET_PREFIX.length))) {
        node.replaceWith(missingImage(node.ownerDocument, src, node.getAttribute('alt')));
      }
    }
  });
  return purify;
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
function nextPurifier(): Promise<DOMPurify> {
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
  const purify = await nextPurifier();
  const body = purify.sanitize(dirty, CONFIG);
  try {
    return { html: body.innerHTML.trim(), text: textOf(body) };
  } finally {
    body.ownerDocument.documentElement.remove();
  }
}
