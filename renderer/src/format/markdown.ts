/**
 * Notes are Markdown, shown rendered, with the same markdown-it the importer
 * uses for .md files. Raw HTML in a note is escaped, not passed through, and
 * the rendered HTML still goes through DOMPurify, with the policy every
 * sanitizing pass shares (electron/shared/sanitize-policy.ts), because a
 * library folder can be edited by anyone: nothing in a note can run.
 */
import { isKeptLink, sanitizePolicy } from '@shared/sanitize-policy';
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });
// Links follow the same rule as an article's: a note's relative link leads nowhere.
markdown.validateLink = isKeptLink;
const POLICY = sanitizePolicy('note');

export function renderMarkdown(source: string): string {
  if (source.trim() === '') return '';
  return DOMPurify.sanitize(markdown.render(source), {
    USE_PROFILES: { html: true },
    FORBID_TAGS: POLICY.forbidTags,
    FORBID_ATTR: POLICY.forbidAttributes,
  });
}
