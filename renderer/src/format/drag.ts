/**
 * Articles dragged from the list onto a tag travel as this MIME type, a JSON
 * array of ids; the file-drop overlay ignores it because it carries no files.
 */
export const ARTICLES_MIME = 'application/x-lectern-articles';

export function carriesArticles(data: DataTransfer | null): boolean {
  return data?.types.includes(ARTICLES_MIME) ?? false;
}

export function draggedIds(event: DragEvent): string[] {
  try {
    const value: unknown = JSON.parse(event.dataTransfer?.getData(ARTICLES_MIME) ?? '[]');
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
