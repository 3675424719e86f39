/**
 * A second sanitizing pass, in the browser's own DOM, right before content is
 * shown. content.html was sanitized at import, but the library is a folder of
 * files anyone can edit, and DOMPurify is most exact over the DOM that will
 * render the result.
 */
import DOMPurify from 'dompurify';

export function readerHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'link', 'meta'],
    FORBID_ATTR: ['style', 'class', 'srcset', 'target', 'ping'],
  });
}

/** A link the reader may open in the system browser: web and mail only. */
export function externalHref(href: string): string | null {
  try {
    const url = new URL(href, 'http://invalid.invalid/');
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) && !href.startsWith('#') ? url.href : null;
  } catch {
    return null;
  }
}
