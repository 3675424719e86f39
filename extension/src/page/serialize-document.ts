/**
 * Serializes the page as the person sees it, after its scripts ran. A plain
 * `outerHTML` would miss three things a reader expects to keep: content drawn
 * inside open shadow roots (web components), text typed into form fields
 * (held in properties, not attributes), and the real images of lazy-loading
 * pages. So the tree is copied node by node: a shadow host's copy gets its
 * shadow tree flattened in (slots replaced by what is assigned to them, as
 * rendering does), form fields get their current values written as
 * attributes, and every image gets one absolute `src` picked by
 * pick-image-source.ts. Two things a sanitizer would otherwise throw away
 * are turned into what they show: a <canvas> (a chart, a drawing) becomes
 * an image of its pixels, made here as a PNG data address, and a
 * same-origin <iframe> is replaced by its document's body, copied by the
 * same rules against the frame's own address. A canvas another site's
 * pictures have tainted cannot be read from the page and is left out; a
 * frame from another origin cannot be either, and stays a frame (which the
 * import drops). A figure whose picture is a CSS background (common on
 * sites that crop images with `background-size`) gets that picture as an
 * <img>, since the import keeps no styles. Scripts,
 * templates and <noscript> are left out: none of them is part of the page as
 * rendered. Closed shadow roots cannot be reached from outside and stay
 * empty.
 */
import { IMAGE_SOURCE_ATTRIBUTES, pickImageSource } from './pick-image-source';

export interface PickedImage {
  /** The absolute address the image's `src` now holds in the serialized HTML. */
  url: string;
  /** The multipart part that will carry its bytes. */
  part: string;
}

export interface SerializedHtml {
  html: string;
  /** The http(s) images to fetch, one per distinct address. */
  images: PickedImage[];
}

const SKIPPED = new Set(['SCRIPT', 'NOSCRIPT', 'TEMPLATE']);
/** Input types whose value is text a person typed; a password never leaves the page. */
const TEXT_INPUTS = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'number',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
  'color',
  'range',
]);

const ELEMENT_NODE = 1;

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** Collects images under stable part names, one per address. */
class ImageParts {
  readonly #byUrl = new Map<string, PickedImage>();

  add(url: string): void {
    if (!/^https?:/i.test(url) || this.#byUrl.has(url)) return;
    this.#byUrl.set(url, { url, part: `image-${this.#byUrl.size}` });
  }

  get list(): PickedImage[] {
    return [...this.#byUrl.values()];
  }
}

/** Gives a copied <img> the one source it is saved from, and drops the rest. */
function settleImage(live: HTMLImageElement, copy: Element, baseUrl: string, parts: ImageParts): void {
  const picture = live.parentElement?.tagName === 'PICTURE' ? live.parentElement : null;
  const url = pickImageSource({
    attribute: (name) => live.getAttribute(name),
    pictureSrcsets: picture
      ? [...picture.querySelectorAll('source')].map(
          (source) => source.getAttribute('data-srcset') ?? source.getAttribute('srcset') ?? '',
        )
      : [],
    currentSrc: live.currentSrc,
    baseUrl,
  });
  for (const name of IMAGE_SOURCE_ATTRIBUTES) copy.removeAttribute(name);
  if (url === null) return;
  copy.setAttribute('src', url);
  parts.add(url);
}

/** Links keep working outside the page: their address is made absolute. */
function settleLink(live: Element, copy: Element, baseUrl: string): void {
  const href = live.getAttribute('href');
  if (href === null || href.startsWith('#')) return;
  try {
    copy.setAttribute('href', new URL(href, baseUrl).href);
  } catch {
    copy.removeAttribute('href');
  }
}

/** Writes what a person typed or chose into the copy's attributes, where serialization sees it. */
function settleFormField(live: Element, copy: Element): void {
  if (live.tagName === 'TEXTAREA') {
    copy.textContent = (live as HTMLTextAreaElement).value;
  } else if (live.tagName === 'INPUT') {
    const input = live as HTMLInputElement;
    const type = input.type.toLowerCase();
    if (type === 'checkbox' || type === 'radio') copy.toggleAttribute('checked', input.checked);
    else if (type === 'password') copy.removeAttribute('value');
    else if (TEXT_INPUTS.has(type)) copy.setAttribute('value', input.value);
  } else if (live.tagName === 'OPTION') {
    copy.toggleAttribute('selected', (live as HTMLOptionElement).selected);
  }
}

/** The children as rendered: a host's shadow tree, with each slot replaced by what it shows. */
function renderedChildren(parent: Node): Node[] {
  const source = isElement(parent) && parent.shadowRoot ? parent.shadowRoot : parent;
  const children: Node[] = [];
  for (const child of source.childNodes) {
    if (isElement(child) && child.tagName === 'SLOT' && child.getRootNode() !== child.ownerDocument) {
      const assigned = (child as HTMLSlotElement).assignedNodes();
      children.push(...(assigned.length > 0 ? assigned : renderedChildren(child)));
    } else {
      children.push(child);
    }
  }
  return children;
}

/** Attributes a canvas's image keeps: what styles or names it. */
const CANVAS_KEPT = ['id', 'class', 'title'];

/** A canvas as an image of its pixels, or null when it is empty or tainted by another site's pictures. */
function canvasImage(live: HTMLCanvasElement): Element | null {
  if (live.width === 0 || live.height === 0) return null;
  let data: string;
  try {
    data = live.toDataURL('image/png');
  } catch {
    return null;
  }
  if (typeof data !== 'string' || !data.startsWith('data:image/png')) return null;
  const image = live.ownerDocument.createElement('img');
  for (const name of CANVAS_KEPT) {
    const value = live.getAttribute(name);
    if (value !== null) image.setAttribute(name, value);
  }
  image.setAttribute('src', data);
  image.setAttribute('width', String(live.width));
  image.setAttribute('height', String(live.height));
  image.setAttribute('alt', live.getAttribute('aria-label') ?? live.textContent?.trim() ?? '');
  return image;
}

/** A same-origin frame's body, copied in its place; null for a frame the page cannot read. */
function frameContent(live: HTMLIFrameElement, baseUrl: string, parts: ImageParts): Element | null {
  let frame: Document | null;
  try {
    frame = live.contentDocument;
  } catch {
    return null;
  }
  if (!frame?.body) return null;
  // A frame written by its page (about:blank, srcdoc) resolves against the page's address.
  const frameBase = /^https?:/i.test(frame.URL) ? frame.baseURI : baseUrl;
  const copy = live.ownerDocument.createElement('div');
  for (const child of renderedChildren(frame.body)) {
    const copied = copyNode(child, frameBase, parts);
    if (copied) copy.appendChild(copied);
  }
  return copy;
}

/**
 * The picture a figure shows as a CSS background, as an <img>: only inside a
 * <figure> (elsewhere a background is decoration) and only where the figure
 * has no image of its own.
 */
function backgroundPicture(live: Element, baseUrl: string, parts: ImageParts): Element | null {
  const figure = live.closest('figure');
  if (!figure || figure.querySelector('img, picture, canvas')) return null;
  const style = live.ownerDocument.defaultView?.getComputedStyle(live).backgroundImage ?? '';
  const address = /url\(\s*(['"]?)(.*?)\1\s*\)/.exec(style)?.[2];
  if (!address) return null;
  let url: string;
  try {
    url = new URL(address, baseUrl).href;
  } catch {
    return null;
  }
  if (!/^https?:/i.test(url)) return null;
  const image = live.ownerDocument.createElement('img');
  image.setAttribute('src', url);
  image.setAttribute('alt', live.getAttribute('aria-label') ?? '');
  parts.add(url);
  return image;
}

function copyNode(live: Node, baseUrl: string, parts: ImageParts): Node | null {
  if (!isElement(live)) return live.cloneNode(false);
  if (SKIPPED.has(live.tagName)) return null;
  if (live.tagName === 'CANVAS') return canvasImage(live as HTMLCanvasElement);
  if (live.tagName === 'IFRAME') {
    const frame = frameContent(live as HTMLIFrameElement, baseUrl, parts);
    if (frame) return frame;
  }
  if (live.tagName === 'SOURCE' && live.parentElement?.tagName === 'PICTURE') return null;
  const copy = live.cloneNode(false) as Element;
  if (live.tagName === 'IMG') settleImage(live as HTMLImageElement, copy, baseUrl, parts);
  else if (live.tagName === 'A') settleLink(live, copy, baseUrl);
  else settleFormField(live, copy);
  const background = backgroundPicture(live, baseUrl, parts);
  if (background) copy.appendChild(background);
  if (live.tagName !== 'TEXTAREA') {
    for (const child of renderedChildren(live)) {
      const copied = copyNode(child, baseUrl, parts);
      if (copied) copy.appendChild(copied);
    }
  }
  return copy;
}

/** The whole document as rendered, with its doctype. */
export function serializeDocument(document: Document, baseUrl = document.baseURI): SerializedHtml {
  const parts = new ImageParts();
  const root = copyNode(document.documentElement, baseUrl, parts) as Element;
  return { html: `<!DOCTYPE html>\n${root.outerHTML}`, images: parts.list };
}

/**
 * A fragment (a copied selection) as HTML. Its nodes are copies already, so
 * form values and shadow trees are whatever the copy kept; images are still
 * picked from their attributes.
 */
export function serializeFragment(fragment: DocumentFragment, baseUrl: string): SerializedHtml {
  const parts = new ImageParts();
  const container = fragment.ownerDocument.createElement('div');
  for (const child of fragment.childNodes) {
    const copied = copyNode(child, baseUrl, parts);
    if (copied) container.appendChild(copied);
  }
  return { html: container.innerHTML, images: parts.list };
}
