/**
 * What HTML Lectern keeps, in one place for its three sanitizing passes: the
 * import (core/import/pipeline/sanitize.ts, an allowlist over parse5, the pass
 * that decides what is stored), the reader's display pass
 * (renderer/src/format/reader-html.ts, the browser's own sanitizer or
 * DOMPurify) and notes rendered from Markdown (renderer/src/format/markdown.ts).
 * Kept by hand in three places, the lists had drifted apart, so a tag the
 * import removed could be shown if someone edited a file in the library.
 *
 * Every pass starts from what its sanitizer always removes (scripts, frames,
 * objects, event handlers, javascript: URLs) and removes the tags and
 * attributes below on top: the reader sets its own type and colours, so
 * styles and classes go; nothing saved may submit or load anything, so forms
 * and responsive image sources go; svg and math go because their foreign
 * content is where sanitizer bypasses have lived. A list of what to remove
 * rather than of what to allow keeps the ordinary HTML of articles (figures,
 * tables, ruby, details) without naming it all, and matches how the HTML
 * Sanitizer API is configured. Notes remove images and ids as well: a note
 * stores no images, and its HTML is put straight into the page.
 *
 * Links keep only addresses that lead somewhere from a saved copy: the web,
 * mail, or a place in the same article.
 */

/** Tags every pass removes, with their content. */
export const FORBIDDEN_TAGS: readonly string[] = [
  'style',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'link',
  'meta',
  'base',
  'noscript',
  'template',
  'svg',
  'math',
];

/** Attributes every pass removes. */
export const FORBIDDEN_ATTRIBUTES: readonly string[] = [
  'style',
  'class',
  'srcset',
  'sizes',
  'target',
  'ping',
  'formaction',
];

/** Where sanitized HTML is going: stored at import, shown in the reader, or a rendered note. */
export type SanitizeUse = 'import' | 'display' | 'note';

export interface SanitizePolicy {
  forbidTags: string[];
  forbidAttributes: string[];
}

/** The tags and attributes a pass removes, on top of what its sanitizer always removes. */
export function sanitizePolicy(use: SanitizeUse): SanitizePolicy {
  const forbidTags = [...FORBIDDEN_TAGS];
  const forbidAttributes = [...FORBIDDEN_ATTRIBUTES];
  if (use === 'note') {
    forbidTags.push('img');
    forbidAttributes.push('id');
  }
  return { forbidTags, forbidAttributes };
}

/** Whether a link's address is kept: web and mail addresses and places in the same article. */
export function isKeptLink(href: string): boolean {
  const trimmed = href.trim();
  return /^(?:https?:|mailto:)/i.test(trimmed) || trimmed.startsWith('#');
}
