import { describe, expect, it } from 'vitest';
import { FORBIDDEN_ATTRIBUTES, FORBIDDEN_TAGS, isKeptLink, sanitizePolicy } from './sanitize-policy';
import { itReturns } from './testing/returns';

describe('isKeptLink', () => {
  itReturns(isKeptLink, [
    ['https://example.org/a', true],
    ['HTTP://example.org', true],
    ['mailto:keeper@example.org', true],
    ['#section-2', true],
    ['  https://example.org  ', true],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>', false],
    ['file:///etc/passwd', false],
    ['page2.html', false],
    ['/absolute/path', false],
    ['', false],
  ]);
});

describe('sanitizePolicy', () => {
  it.each<['import' | 'display' | 'note', string[], string[]]>([
    ['import', [], []],
    ['display', [], []],
    ['note', ['img'], ['id']],
  ])('%s removes the shared lists, plus %j and %j', (use, tags, attributes) => {
    expect(sanitizePolicy(use)).toEqual({
      forbidTags: [...FORBIDDEN_TAGS, ...tags],
      forbidAttributes: [...FORBIDDEN_ATTRIBUTES, ...attributes],
    });
  });
});
