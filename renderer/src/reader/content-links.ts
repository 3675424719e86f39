/**
 * Links in an article never navigate the window: web links open outside the
 * app (Electron hands them to the system browser), and in-page anchors scroll
 * to their target (the sanitizer prefixed ids with "user-content-").
 */
import { externalUrl } from '@shared/external-url';

/** Follows a clicked link the reader's way; `onanchor` brings an in-page target into view. */
export function followLink(event: MouseEvent, link: Element, onanchor: (target: Element) => void): void {
  event.preventDefault();
  const href = link.getAttribute('href') ?? '';
  if (href.startsWith('#')) {
    const name = decodeURIComponent(href.slice(1));
    const target = document.getElementById(`user-content-${name}`) ?? document.getElementById(name);
    if (target) onanchor(target);
    return;
  }
  const external = externalUrl(href);
  if (external) window.open(external, '_blank', 'noopener,noreferrer');
}
