/**
 * A second sanitizing pass, in the browser's own DOM, right before content is
 * shown. content.html was sanitized at import, but the library is a folder of
 * files anyone can edit, and DOMPurify is most exact over the DOM that will
 * render the result.
 */
import { ASSET_PREFIX } from '@shared/assets';
import DOMPurify from 'dompurify';

/**
 * Sanitizes content.html for display and points its stored images
 * ("assets/<name>") at the transport's asset URL. The rewrite happens after
 * sanitizing, so DOMPurify never has to allow the asset scheme.
 */
export function readerHtml(html: string, assetUrl: (name: string) => string): string {
  const fragment = DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'link', 'meta'],
    FORBID_ATTR: ['style', 'class', 'srcset', 'target', 'ping'],
    RETURN_DOM_FRAGMENT: true,
  });
  for (const image of fragment.querySelectorAll('img')) {
    const src = image.getAttribute('src') ?? '';
    if (src.startsWith(ASSET_PREFIX)) image.setAttribute('src', assetUrl(src.slice(ASSET_PREFIX.length)));
  }
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}
