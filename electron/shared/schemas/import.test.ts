import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { importArgs } from './import';

const accepts = (url: string) => v.safeParse(importArgs.importText, [{ text: 'A clip', url }]).success;

describe('importText’s url', () => {
  it.each(['https://example.com/a', 'http://example.com/', 'HTTPS://EXAMPLE.COM/'])('accepts %s', (url) => {
    expect(accepts(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    'mailto:a@example.com',
    'not a url',
  ])('refuses %s', (url) => {
    expect(accepts(url)).toBe(false);
  });

  it('accepts a clip without a url', () => {
    expect(v.safeParse(importArgs.importText, [{ text: 'A clip' }]).success).toBe(true);
  });
});
