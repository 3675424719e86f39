/**
 * Which links may leave Lectern for the system's browser or mail app: an
 * absolute http, https or mailto address, parsed and re-serialized. Used by
 * the reader for clicks in articles and by Electron's main process before
 * shell.openExternal (security checklist item 15). A relative link points
 * nowhere once a page is saved, and every other scheme (javascript:, file:,
 * custom handlers) could run something on the computer, so they open nothing.
 */
const EXTERNAL_PROTOCOLS = ['http:', 'https:', 'mailto:'];

export function externalUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return EXTERNAL_PROTOCOLS.includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}
