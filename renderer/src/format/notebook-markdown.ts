/**
 * "Copy all as Markdown": the article's title, where it came from, its note,
 * and every highlight as a block quote followed by its note, in the order
 * they appear in the article. Quotes keep their line breaks as quoted lines.
 */
import { highlightText, type Highlight } from '@shared/annotation';
import type { ArticleMeta } from '@shared/article';

function quote(text: string): string {
  return text
    .trim()
    .split(/\n+/)
    .map((line) => `> ${line.trim()}`)
    .join('\n>\n');
}

export function notebookMarkdown(
  meta: Pick<ArticleMeta, 'title' | 'byline' | 'url' | 'siteName' | 'note'>,
  highlights: Highlight[],
): string {
  const parts = [`# ${meta.title}`];
  const source = [meta.byline, meta.siteName].filter(Boolean).join(', ');
  const from = meta.url ? `[${source || meta.url}](${meta.url})` : source;
  if (from) parts.push(`Source: ${from}`);
  if (meta.note.trim()) parts.push(meta.note.trim());
  if (highlights.length > 0) parts.push('## Highlights');
  for (const highlight of highlights) {
    parts.push(quote(highlightText(highlight)));
    if (highlight.note.trim()) parts.push(highlight.note.trim());
  }
  return `${parts.join('\n\n')}\n`;
}
