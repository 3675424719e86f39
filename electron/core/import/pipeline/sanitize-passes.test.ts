// @vitest-environment jsdom
/**
 * The three sanitizing passes held against the one policy they share
 * (electron/shared/sanitize-policy.ts): what the import stores, what the
 * reader shows (here through DOMPurify, as jsdom has no HTML Sanitizer API)
 * and what a note renders.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../renderer/src/format/markdown';
import { readerContent } from '../../../../renderer/src/format/reader-html';
import { FORBIDDEN_ATTRIBUTES, FORBIDDEN_TAGS } from '../../../shared/sanitize-policy';
import { sanitizeHtml } from './sanitize';

const passes: [string, (html: string) => Promise<string>][] = [
  ['import', async (html) => sanitizeHtml(html).html],
  [
    'display',
    async (html) => {
      const box = document.createElement('div');
      box.append(readerContent(html, (name) => name));
      return box.innerHTML;
    },
  ],
];

describe.each(passes)('the %s pass', (_use, clean) => {
  it.each(FORBIDDEN_TAGS)('removes <%s>', async (tag) => {
    expect(await clean(`<p>kept</p><${tag}>x</${tag}>`)).not.toMatch(new RegExp(`<${tag}\\b`, 'i'));
  });

  it.each(FORBIDDEN_ATTRIBUTES)('removes the %s attribute', async (attribute) => {
    const html = await clean(`<p><a href="https://example.org" ${attribute}="x">kept</a></p>`);
    expect(html).toContain('kept');
    expect(html).not.toMatch(new RegExp(`\\s${attribute}=`, 'i'));
  });

  it('keeps the mark of text the page hid for screen readers, which the reader hides the same way', async () => {
    expect(
      await clean(
        '<p><span data-screen-reader-only="">Photo</span><img src="https://example.org/p.jpg"></p>',
      ),
    ).toContain('<span data-screen-reader-only="">Photo</span>');
  });

  it.each<[string, boolean]>([
    ['https://example.org/', true],
    ['#notes', true],
    ['file:///etc/passwd', false],
    ['page2.html', false],
  ])('keeps the link %s: %s', async (href, kept) => {
    expect((await clean(`<p><a href="${href}">link</a></p>`)).includes(`href="${href}"`)).toBe(kept);
  });
});

describe('a note', () => {
  it.each<[string, boolean]>([
    ['https://example.org/', true],
    ['mailto:keeper@example.org', true],
    ['file:///etc/passwd', false],
    ['page2.html', false],
  ])('keeps the link %s: %s', (href, kept) => {
    expect(renderMarkdown(`[link](${href})`).includes(`href="${href}"`)).toBe(kept);
  });

  it('shows no image and no id, and escapes raw HTML', () => {
    const html = renderMarkdown('![chart](https://example.org/c.png)\n\n<b id="x">raw</b>');
    expect(html).not.toMatch(/<img|<b\b|<[^>]*\sid=/);
    expect(html).toContain('&lt;b id="x"&gt;raw&lt;/b&gt;');
  });
});
