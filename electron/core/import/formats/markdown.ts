/**
 * Markdown to reader HTML with markdown-it (CommonMark). Raw HTML inside the
 * Markdown is escaped rather than passed through, and the output still goes
 * through the sanitizer like every import. The first level-one heading is
 * the title, and is taken out of the body so the reader does not show it twice.
 */
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });

export interface MarkdownArticle {
  title: string | null;
  html: string;
}

export function renderMarkdown(source: string): MarkdownArticle {
  const text = source.replace(/^\ufeff/, '');
  const tokens = markdown.parse(text, {});
  let title: string | null = null;
  const open = tokens.findIndex((token) => token.type === 'heading_open' && token.tag === 'h1');
  if (open >= 0 && tokens.slice(0, open).every((token) => token.type === 'hr')) {
    title = tokens[open + 1]?.content.trim() || null;
    tokens.splice(open, 3);
  }
  return { title, html: markdown.renderer.render(tokens, markdown.options, {}) };
}
