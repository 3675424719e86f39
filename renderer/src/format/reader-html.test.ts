import { describe, expect, it } from 'vitest';
import { externalHref } from './reader-html';

describe('externalHref', () => {
  it.each([
    ['https://example.com/a', 'https://example.com/a'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
  ])('opens %j as %j', (href, expected) => {
    expect(externalHref(href)).toBe(expected);
  });

  it.each([
    ['an anchor without an address', ''],
    ['a relative link', 'relative/page.html'],
    ['a root-relative link', '/about'],
    ['a protocol-relative link', '//example.com/x'],
    ['a javascript: link', 'javascript:alert(1)'],
    ['a file: link', 'file:///etc/passwd'],
    ['a data: link', 'data:text/html,hi'],
  ])('opens nothing for %s', (_label, href) => {
    expect(externalHref(href)).toBeNull();
  });
});
