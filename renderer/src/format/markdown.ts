/**
 * Notes are Markdown, shown rendered. A note is the person's own text, but it
 * may hold pasted HTML, and a library folder can be edited by anyone, so the
 * rendered HTML goes through DOMPurify: nothing in a note can run. marked is
 * pinned in package.json; raw HTML in a note is kept only as far as the
 * sanitizer allows (formatting, never scripts, styles or forms).
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: true, async: false });

export function renderMarkdown(markdown: string): string {
  return DOMPurify.sanitize(marked.parse(markdown) as string, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'img'],
    FORBID_ATTR: ['style', 'class', 'id', 'target'],
  });
}
