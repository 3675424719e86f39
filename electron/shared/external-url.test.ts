import { describe, expect, it } from 'vitest';
import { externalUrl } from './external-url';
import { itReturns } from './testing/returns';

describe('externalUrl', () => {
  itReturns(externalUrl, 'hands %j to the system as %j', [
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://EXAMPLE.COM/Path', 'https://example.com/Path'],
    ['mailto:someone@example.com?subject=Hi', 'mailto:someone@example.com?subject=Hi'],
  ]);

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'data:text/html,<script>alert(1)</script>',
    'lectern-app://app/index.html',
    'vbscript:msgbox(1)',
    'ms-settings:privacy',
    'ftp://example.com/file',
    'smb://server/share',
    'about:blank',
    '//example.com/relative',
    '/relative/path',
    'relative/page.html',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(externalUrl(url)).toBeNull();
  });
});
