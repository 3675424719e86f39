/**
 * The readable text of a stored content.html, for indexing and snippets.
 * content.html was sanitized at import, so a tag-stripping pass is enough:
 * no scripts or comments can hide text, and block ends become spaces so
 * words from neighbouring paragraphs never run together.
 */

import { decodeEntities } from '../../shared/html-entities';

export function htmlText(html: string): string {
  return decodeEntities(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}
