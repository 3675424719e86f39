/**
 * The readable text of a stored content.html, for indexing and snippets.
 * content.html was sanitized at import, so a tag-stripping pass is enough:
 * no scripts or comments can hide text, and block ends become spaces so
 * words from neighbouring paragraphs never run together.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntity(entity: string): string {
  if (entity.startsWith('#x') || entity.startsWith('#X'))
    return safeChar(parseInt(entity.slice(2), 16), entity);
  if (entity.startsWith('#')) return safeChar(parseInt(entity.slice(1), 10), entity);
  return ENTITIES[entity] ?? `&${entity};`;
}

function safeChar(code: number, entity: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : `&${entity};`;
}

export function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (_, entity: string) => decodeEntity(entity))
    .replace(/\s+/g, ' ')
    .trim();
}
