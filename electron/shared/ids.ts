/**
 * Article ids name folders on disk, so they are restricted to characters that
 * are safe in every file system and cannot form a path: the id pattern is
 * checked at the API edge before any id reaches the library.
 */
export const ARTICLE_ID_PATTERN = /^[0-9a-z]{10}-[0-9a-z]{8}$/;

export function isArticleId(value: string): boolean {
  return ARTICLE_ID_PATTERN.test(value);
}
