/**
 * A link kept to be fetched later (ArticleMeta.pending): what its reader
 * shows and the bytes it was "imported from" follow from its address alone.
 * So its folder holds article.json and nothing else, and the two are made
 * from the record when asked for: an export of 20,000 links is written as
 * 20,000 files, not 60,000 and 20,000 empty assets/ folders, which on a busy
 * disk is most of an import's time. Folders written before hold both files,
 * and those are read as they are; once the page is fetched, the article's
 * folder is replaced by a whole one (Library.replace).
 */

/** The placeholder reader HTML: the address, as a link to open. */
export function pendingContent(url: string): string {
  const escaped = url.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<p><a href="${escaped}" rel="noopener noreferrer">${escaped}</a></p>`;
}

/** The original a pending link stands for: an Internet shortcut to its address (original.url). */
export function pendingOriginal(url: string): Uint8Array {
  return new TextEncoder().encode(`[InternetShortcut]\r\nURL=${url}\r\n`);
}

export const PENDING_ORIGINAL_EXTENSION = 'url';

/** The address of a record that is a pending link, read from its parsed JSON; null for any other. */
export function pendingLinkUrl(record: unknown): string | null {
  const { pending, url } = (record ?? {}) as { pending?: unknown; url?: unknown };
  return typeof pending === 'object' && pending !== null && typeof url === 'string' ? url : null;
}
