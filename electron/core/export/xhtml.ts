/**
 * Sanitized reader HTML to XHTML that an EPUB reader and epubcheck accept.
 * The HTML is parsed by jsdom's HTML parser (which repairs what a browser
 * would), reduced to the elements and attributes XHTML 5 content documents
 * allow (others are unwrapped, keeping their text), ids made unique XML
 * names, in-page links kept only when their target exists, and images
 * pointed at the book's copy through `image(name)` (null drops the image,
 * keeping its alt text). jsdom's XML serializer then writes well-formed
 * markup, and the whole page is parsed again as XML to prove it.
 */
import { JSDOM } from 'jsdom';
import { LecternError } from '../../shared/errors';
import { ASSET_PREFIX } from '../../shared/assets';

const KEPT = new Set(
  (
    'p h1 h2 h3 h4 h5 h6 a em strong b i u s sub sup code pre blockquote ul ol li dl dt dd img figure ' +
    'figcaption table thead tbody tfoot tr th td caption br hr span div section article aside header footer ' +
    'abbr cite q mark small del ins kbd samp var'
  ).split(' '),
);
const ATTRIBUTES: Record<string, string[]> = {
  '*': ['id', 'title', 'lang'],
  a: ['href'],
  img: ['src', 'alt'],
  ol: ['start'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  abbr: [],
};
const XML_NAME = /^[A-Za-z_][\w.-]*$/;

export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
  );
}

/** Converts a fragment of reader HTML into the XHTML of a body's contents. */
export function toXhtmlBody(html: string, image: (name: string) => string | null): string {
  const dom = new JSDOM(`<!doctype html><html><body>${html}</body></html>`);
  const { document } = dom.window;
  const ids = new Set<string>();
  for (const element of [...document.body.querySelectorAll('*')]) {
    const name = element.localName;
    if (!KEPT.has(name)) {
      element.replaceWith(...element.childNodes);
      continue;
    }
    const allowed = [...(ATTRIBUTES['*'] as string[]), ...(ATTRIBUTES[name] ?? [])];
    for (const attribute of [...element.attributes]) {
      if (!allowed.includes(attribute.name)) element.removeAttribute(attribute.name);
    }
    const id = element.getAttribute('id');
    if (id !== null && (!XML_NAME.test(id) || ids.has(id))) element.removeAttribute('id');
    else if (id !== null) ids.add(id);
    if (name === 'img') {
      const src = element.getAttribute('src') ?? '';
      const target = src.startsWith(ASSET_PREFIX) ? image(src.slice(ASSET_PREFIX.length)) : null;
      if (target === null) element.replaceWith(document.createTextNode(element.getAttribute('alt') ?? ''));
      else {
        element.setAttribute('src', target);
        if (!element.hasAttribute('alt')) element.setAttribute('alt', '');
      }
    }
    if (name === 'ol' && !/^\d+$/.test(element.getAttribute('start') ?? '1'))
      element.removeAttribute('start');
  }
  for (const link of [...document.body.querySelectorAll('a[href]')]) {
    const href = link.getAttribute('href') as string;
    const fragment = href.startsWith('#') ? href.slice(1) : null;
    const external = /^(https?|mailto):/i.test(href);
    if ((fragment !== null && !ids.has(fragment)) || (fragment === null && !external))
      link.removeAttribute('href');
    else if (external) {
      try {
        link.setAttribute('href', new URL(href).href);
      } catch {
        link.removeAttribute('href');
      }
    }
  }
  const serializer = new dom.window.XMLSerializer();
  const out = [...document.body.childNodes]
    .map((node) => serializer.serializeToString(node))
    .join('')
    .replace(/ xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"/g, '');
  dom.window.close();
  return out;
}

/** A complete XHTML content document; throws when the result is not well-formed XML. */
export function xhtmlPage(title: string, lang: string, body: string, stylesheet: string | null): string {
  const page = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="${XHTML_NS}" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${lang}" lang="${lang}">
<head>
<meta charset="UTF-8"/>
<title>${escapeXml(title)}</title>
${stylesheet ? `<link rel="stylesheet" type="text/css" href="${stylesheet}"/>\n` : ''}</head>
<body>
${body}
</body>
</html>
`;
  assertWellFormed(page);
  return page;
}

export function assertWellFormed(xml: string): void {
  try {
    new JSDOM(xml, { contentType: 'application/xhtml+xml' }).window.close();
  } catch (error) {
    throw new LecternError(
      'internal',
      `An EPUB page came out as malformed XML (${(error as Error).message}).`,
    );
  }
}
