/** The address that opens an article, or one of its highlights, in Lectern (lectern://open?id=…&highlight=…). */
export function lecternLink(articleId: string, highlightId?: string): string {
  const query = new URLSearchParams({ id: articleId });
  if (highlightId) query.set('highlight', highlightId);
  return `lectern://open?${query.toString()}`;
}
