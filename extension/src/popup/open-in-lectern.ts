/**
 * The address "Open in Lectern" follows. Lectern's answer names it
 * (ClipAnswer.open), since only Lectern knows whether it runs as the desktop
 * app (a lectern:// link, which brings its window forward on the article) or
 * as the browser shell (its own page on 127.0.0.1, the reader's route). The
 * popup follows only those two kinds of address: whatever answers on the
 * clip port must not be able to send the person's browser elsewhere. Any
 * other answer, or none (an older Lectern), gives the desktop app's link.
 */
import type { ClipAnswer } from '../../../electron/shared/clip-protocol';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface LecternAddress {
  href: string;
  /** Whether the address is a web page, opened in a new tab (a lectern:// link hands off to the app). */
  web: boolean;
}

/** URL.parse needs Chrome 126; the clipper runs from 116. */
function parsed(address: unknown): URL | null {
  try {
    return new URL(String(address));
  } catch {
    return null;
  }
}

export function openInLectern(answer: Pick<ClipAnswer, 'id' | 'open'>): LecternAddress {
  const open = parsed(answer.open);
  if (open?.protocol === 'lectern:' && open.hostname === 'open') return { href: open.href, web: false };
  if (
    open?.protocol === 'http:' &&
    LOOPBACK_HOSTS.has(open.hostname) &&
    open.username === '' &&
    open.password === ''
  )
    return { href: open.href, web: true };
  return { href: `lectern://open?id=${encodeURIComponent(answer.id)}`, web: false };
}
