/**
 * The address that opens a saved article in Lectern. The clip endpoint's
 * answer gives the article's id; the desktop app registers the lectern://
 * scheme, so the link brings its window forward on the article. (The browser
 * shell has no fixed address an extension could link to.)
 */
export function openInLecternUrl(articleId: string): string {
  return `lectern://open?id=${encodeURIComponent(articleId)}`;
}
