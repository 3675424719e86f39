import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { TextIndex } from '@shared/anchoring/text-model';
import type { DomTextIndex } from './painter';
import { readableText } from './readable-text';

function indexOf(html: string): DomTextIndex {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return new TextIndex(document.getElementById('root') as unknown as Node);
}

function readable(html: string, from: string, to: string): string {
  const index = indexOf(html);
  const start = index.text.indexOf(from);
  const end = index.text.indexOf(to) + to.length;
  return readableText(index, start, end);
}

describe('readableText', () => {
  it.each([
    [
      'list items with nothing between them',
      '<ul><li>before.</li><li>Cross over</li></ul>',
      'fore',
      'Cross',
      'fore.\nCross',
    ],
    ['paragraphs with source whitespace', '<p>One end. </p>\n  <p> Two start</p>', 'end', 'Two', 'end.\nTwo'],
    ['a heading and its paragraph', '<h2>Storms</h2><p>The silt</p>', 'Storms', 'silt', 'Storms\nThe silt'],
    [
      'inline elements stay on one line',
      '<p>a <em>quiet</em> harbour</p>',
      'a',
      'harbour',
      'a quiet harbour',
    ],
    [
      'a list nested in an item',
      '<ul><li>outer<ul><li>inner</li></ul>tail</li></ul>',
      'outer',
      'tail',
      'outer\ninner\ntail',
    ],
    ['within one block', '<p>only here</p>', 'only', 'here', 'only here'],
  ])('%s', (_, html, from, to, expected) => {
    expect(readable(html, from, to)).toBe(expected);
  });
});
