/**
 * A second sanitizing pass, in the browser's own DOM, right before content is
 * shown. content.html was sanitized at import, but the library is a folder of
 * files anyone can edit, so what is shown is cleaned again here.
 *
 * The pass is on the path of every opening, so it is built for speed: the
 * HTML is parsed once, into an inert document (nothing loads or runs there),
 * and the cleaned nodes are moved into the page, never serialized and parsed
 * again. Where the browser has the HTML Sanitizer API (Element.setHTML) the
 * browser cleans while it parses, about ten times faster than DOMPurify on a
 * 30,000-word article (about 10 ms against 120 ms and more on a freshly
 * opened page, measured in Chromium). Chromium has it since 146, so the
 * desktop app (Electron 45.3, Chromium 156) and the browser shell in a
 * current Chromium take this path; elsewhere DOMPurify does the same job.
 * Both remove what can run (always, by construction), what the policy every
 * sanitizing pass shares forbids (electron/shared/sanitize-policy.ts: styles,
 * forms, SVG and MathML among them), links that lead nowhere from a saved
 * copy, and ids or names that would shadow the document's own properties
 * (DOM clobbering).
 */
import { ASSET_PREFIX } from '@shared/assets';
import { isKeptLink, sanitizePolicy } from '@shared/sanitize-policy';
import DOMPurify from 'dompurify';

const POLICY = sanitizePolicy('display');
/** The API names elements by namespace: "svg" alone would mean an HTML element of that name. */
const NAMESPACES: Record<string, string> = {
  svg: 'http://www.w3.org/2000/svg',
  math: 'http://www.w3.org/1998/Math/MathML',
};
const REMOVE_ELEMENTS = POLICY.forbidTags.map((name) =>
  NAMESPACES[name] ? { name, namespace: NAMESPACES[name] } : name,
);

/**
 * The part of the HTML Sanitizer API used here (not yet in TypeScript's DOM
 * types). The configuration lists what to remove, on top of what setHTML
 * always removes (scripts, frames, objects, event handlers, javascript:
 * URLs); the API's default configuration would instead keep only a short
 * list of elements and attributes, without images, ids, roles or labels.
 */
interface SanitizerConfig {
  removeElements: (string | { name: string; namespace: string })[];
  removeAttributes: string[];
}
type SanitizerConstructor = new (config: SanitizerConfig) => object;
type SetHtml = (html: string, options: { sanitizer: object }) => void;

let sanitizer: object | null | undefined;

/** The browser's own sanitizer, configured once, or null where there is none. */
function nativeSanitizer(): object | null {
  if (sanitizer !== undefined) return sanitizer;
  const Sanitizer = (globalThis as { Sanitizer?: SanitizerConstructor }).Sanitizer;
  const hasSetHtml = typeof (Element.prototype as { setHTML?: SetHtml }).setHTML === 'function';
  sanitizer =
    Sanitizer && hasSetHtml
      ? new Sanitizer({ removeElements: REMOVE_ELEMENTS, removeAttributes: POLICY.forbidAttributes })
      : null;
  return sanitizer;
}

/** Drops ids and names that would shadow a property of the document or a form (DOMPurify's SANITIZE_DOM). */
function unclobber(root: ParentNode): void {
  const form = document.createElement('form');
  for (const element of root.querySelectorAll('[id], [name]')) {
    for (const attribute of ['id', 'name']) {
      const value = element.getAttribute(attribute);
      if (value !== null && (value in document || value in form)) element.removeAttribute(attribute);
    }
  }
}

function sanitized(html: string): DocumentFragment {
  const native = nativeSanitizer();
  if (!native) {
    return DOMPurify.sanitize(html, {
      USE_PROFILES: { html: true },
      FORBID_TAGS: POLICY.forbidTags,
      FORBID_ATTR: POLICY.forbidAttributes,
      RETURN_DOM_FRAGMENT: true,
    });
  }
  const inert = document.implementation.createHTMLDocument('');
  (inert.body as unknown as { setHTML: SetHtml }).setHTML(html, { sanitizer: native });
  const fragment = inert.createDocumentFragment();
  fragment.append(...inert.body.childNodes);
  unclobber(fragment);
  return fragment;
}

/**
 * content.html, sanitized for display, as nodes ready to be put in the page,
 * with stored images ("assets/<name>") pointed at the transport's asset URL.
 * The rewrite happens after sanitizing, so the sanitizer never has to allow
 * the asset scheme, and before the nodes reach the page, so no image is
 * requested from the wrong address.
 */
export function readerContent(html: string, assetUrl: (name: string) => string): DocumentFragment {
  const fragment = sanitized(html);
  for (const link of fragment.querySelectorAll('a[href]')) {
    if (!isKeptLink(link.getAttribute('href') ?? '')) link.removeAttribute('href');
  }
  for (const image of fragment.querySelectorAll('img')) {
    const src = image.getAttribute('src') ?? '';
    if (src.startsWith(ASSET_PREFIX)) image.setAttribute('src', assetUrl(src.slice(ASSET_PREFIX.length)));
  }
  return fragment;
}
