import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { TextIndex, type TextModelNode } from './text-model';

function indexOf(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  const root = document.getElementById('root') as unknown as TextModelNode;
  return { index: new TextIndex(root), document };
}

describe('TextIndex', () => {
  it('is the textContent of the root: every text node, nothing added', () => {
    const html = '<h2>Title</h2>\n<p>One <em>two</em> three</p><ul><li>a</li><li>b</li></ul>';
    const { index, document } = indexOf(html);
    expect(index.text).toBe(document.getElementById('root')?.textContent);
    expect(index.text).toBe('Title\nOne two threeab');
  });

  it.each([
    { offset: 0, side: 'forward' as const, node: 'Title', at: 0 },
    { offset: 5, side: 'backward' as const, node: 'Title', at: 5 },
    { offset: 5, side: 'forward' as const, node: '\n', at: 0 },
    { offset: 10, side: 'forward' as const, node: 'two', at: 0 },
    { offset: 10, side: 'backward' as const, node: 'One ', at: 4 },
    { offset: 21, side: 'backward' as const, node: 'b', at: 1 },
  ])('puts position $offset ($side) in “$node” at $at', ({ offset, side, node, at }) => {
    const { index } = indexOf('<h2>Title</h2>\n<p>One <em>two</em> three</p><ul><li>a</li><li>b</li></ul>');
    const point = index.pointAt(offset, side);
    expect(point?.node.nodeValue).toBe(node);
    expect(point?.offset).toBe(at);
  });

  it('turns element boundaries into text positions', () => {
    const { index, document } = indexOf('<p>One <em>two</em></p><p>three</p>');
    const root = document.getElementById('root') as unknown as TextModelNode;
    const em = document.querySelector('em') as unknown as TextModelNode;
    expect(index.offsetOf(root, 1)).toBe(7);
    expect(index.offsetOf(em, 1)).toBe(7);
    expect(index.offsetOf(root, 2)).toBe(12);
    expect(index.offsetOf(em.childNodes[0] as TextModelNode, 2)).toBe(6);
  });

  it('round-trips every position through the DOM', () => {
    const { index } = indexOf('<p>Alpha <b>beta</b> gamma</p><blockquote>delta</blockquote>');
    for (let offset = 0; offset <= index.text.length; offset++) {
      for (const side of ['forward', 'backward'] as const) {
        const point = index.pointAt(offset, side);
        expect(point && index.offsetOf(point.node, point.offset)).toBe(offset);
      }
    }
  });
});
