import { describe, expect, it } from 'vitest';
import type { Highlight } from '@shared/annotation';
import { describeTarget } from '@shared/anchoring/anchor';
import { notebookMarkdown } from './notebook-markdown';

const TEXT = 'First line.\nSecond line. Another passage.';

function highlight(start: number, end: number, note: string): Highlight {
  return {
    id: `h-${start}-0000`,
    color: 'yellow',
    note,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    target: describeTarget(TEXT, start, end),
  };
}

describe('notebookMarkdown', () => {
  it('writes title, source, note and each highlight as a quote with its note', () => {
    const markdown = notebookMarkdown(
      {
        title: 'The Light',
        byline: 'M. Sutherland',
        siteName: 'Coastal Review',
        url: 'https://example.com/light',
        note: 'Worth rereading.',
      },
      [highlight(0, 24, 'Two lines.'), highlight(25, 41, '')],
    );
    expect(markdown).toBe(
      [
        '# The Light',
        'Source: [M. Sutherland, Coastal Review](https://example.com/light)',
        'Worth rereading.',
        '## Highlights',
        '> First line.\n>\n> Second line.',
        'Two lines.',
        '> Another passage.',
      ].join('\n\n') + '\n',
    );
  });

  it('quotes a highlight across blocks line by line, as read, not as the text runs together', () => {
    const across = { ...highlight(13, 37, ''), quote: 'Second line.\nAnother passage.' };
    const markdown = notebookMarkdown({ title: 'T', byline: null, siteName: null, url: null, note: '' }, [
      across,
    ]);
    expect(markdown).toContain('> Second line.\n>\n> Another passage.');
  });

  it('leaves out what the article does not have', () => {
    expect(notebookMarkdown({ title: 'Clip', byline: null, siteName: null, url: null, note: '' }, [])).toBe(
      '# Clip\n',
    );
  });
});
