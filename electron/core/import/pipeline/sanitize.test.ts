import { describe, expect, it } from 'vitest';
import { itReturns } from '../../../shared/testing/returns';
import { sanitizeHtml } from './sanitize';

const HOSTILE = `<p id="a">Kept <b>words</b><img src="x" onerror="alert(1)" alt="chart">
  <a href="javascript:alert(1)">trap</a><script>alert(1)</script></p><form><input name="q"></form>`;

/**
 * Markup from published sanitizer bypasses: each relies on a parser reading
 * the cleaned markup differently from the tree that was cleaned (raw text,
 * foreign content, comments, attribute values that close something).
 */
const BYPASSES = [
  '<svg><style><img src=x onerror=alert(1)></style></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<title><img src=x onerror=alert(1)></title>',
  '<!--><img src=x onerror=alert(1)>-->',
  '<a href="java&#x09;script:alert(1)">x</a><a href="&#106;avascript:alert(1)">y</a>',
  '<p title="--><img src=x onerror=alert(1)>">z</p>',
  '<template><script>alert(1)</script></template><iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)"><base href="javascript:">',
  '<video poster="javascript:alert(1)"></video><blockquote cite="vbscript:x">q</blockquote>',
];

describe('sanitizeHtml', () => {
  it('removes what could run, keeps the text, and counts blocks apart', () => {
    const { html, text } = sanitizeHtml(`${HOSTILE}<p>Next.</p>`);
    expect(html).not.toMatch(/script|onerror|javascript:|<form|<input/i);
    expect(html).toContain('<b>words</b>');
    expect(html).toContain('data-missing-image');
    expect(text.replace(/\s+/g, ' ').trim()).toBe('Kept words trap Next.');
  });

  it('keeps on a placeholder the web address of the image, never another kind', () => {
    const { html } = sanitizeHtml(
      '<img src="https://a.example/p.png" alt="P"><img src="p.png"><img src="data:image/png,x">',
    );
    expect([...html.matchAll(/data-missing-image="([^"]*)"/g)].map((match) => match[1])).toEqual([
      'https://a.example/p.png',
      '',
      '',
    ]);
  });

  it('keeps an image stored with the article', () => {
    expect(sanitizeHtml('<img src="assets/0a1b2c3d4e5f6a7b.png" alt="Map">').html).toBe(
      '<img src="assets/0a1b2c3d4e5f6a7b.png" alt="Map">',
    );
  });

  it.each(BYPASSES)('writes markup that reads back as what was kept: %s', (dirty) => {
    const { html } = sanitizeHtml(dirty);
    expect(html).not.toMatch(
      /<(script|img|style|iframe|object|embed|base|svg|math)\b|<[^>]*\son\w+=|(java|vb)script:/i,
    );
    // Cleaned again, the markup does not change: reading it makes no new element.
    expect(sanitizeHtml(html).html).toBe(html);
  });

  it('prefixes ids and names once, so stored elements cannot shadow the page they are shown in', () => {
    const { html } = sanitizeHtml(
      '<p id="probe">Kept</p><a name="anchor">here</a><h2 id="user-content-done">H</h2>',
    );
    expect(html).toBe(
      '<p id="user-content-probe">Kept</p><a name="user-content-anchor">here</a><h2 id="user-content-done">H</h2>',
    );
  });

  it('keeps links that lead somewhere from a saved copy, opened without a referrer', () => {
    expect(
      sanitizeHtml('<a href=" https://a.example/?q=1&amp;r=2 " rel="author" target="_blank">a</a>').html,
    ).toBe('<a href="https://a.example/?q=1&amp;r=2" rel="noopener noreferrer">a</a>');
    expect(sanitizeHtml('<a href="page2.html">b</a><a href="tel:1">c</a>').html).toBe('<a>b</a><a>c</a>');
  });

  it('leaves the content of an element it does not keep, except code, fallbacks and foreign markup', () => {
    const { html, text } = sanitizeHtml(
      '<p>A <button>Subscribe</button> <custom-card>card</custom-card></p><noscript>fallback</noscript><svg><text>drawn</text></svg>',
    );
    expect(html).toBe('<p>A Subscribe card</p>');
    expect(text).toBe('A Subscribe card ');
  });

  it('drops comments and what belongs in a head', () => {
    expect(
      sanitizeHtml('<head><title>Tab</title><meta name="x"></head><body><p>a<!-- note -->b</p></body>').html,
    ).toBe('<p>ab</p>');
  });

  it('reads the markup as a browser does', () => {
    // The parser repairs as HTML does: a table gets its body, a block closes an open paragraph.
    expect(sanitizeHtml('<table><tr><td>cell</table><p>one<div>two</div>').html).toBe(
      '<table><tbody><tr><td>cell</td></tr></tbody></table><p>one</p><div>two</div>',
    );
  });
});

describe('attribute values', () => {
  const kept = (attribute: string) => sanitizeHtml(`<p ${attribute}>x</p>`).html !== '<p>x</p>';
  itReturns(kept, [
    ['lang="en"', true],
    ['title="javascript: a word, never an address"', true],
    ['data-note="anything"', true],
    ['aria-label="Quote"', true],
    ['onclick="alert(1)"', false],
    ['style="color:red"', false],
    ['class="lede"', false],
    ['cite="javascript:alert(1)"', false],
    ['cite="https://a.example/"', true],
    ['title="a /> b"', false],
  ]);
});
