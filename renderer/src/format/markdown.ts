/**
 * Notes are Markdown, shown rendered, with the same markdown-it the importer
 * uses for .md files. Raw HTML in a note is escaped, not passed through, and
 * the rendered HTML still goes through DOMPurify, because a library folder
 * can be edited by anyone: nothing in a note can run.
 */
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

export function renderMarkdown(source: string): string {
  if (source.trim() === '') return '';
  return DOMPurify.sanitize(markdown.render(source), {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'img'],
    FORBID_ATTR: ['style', 'class', 'id', 'target'],
  });
}
