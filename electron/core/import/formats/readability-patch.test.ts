/**
 * Readability 0.6.0, as published, serializes the whole page before it starts
 * (a copy to restore from if it has to retry) and the article once more for a
 * log line that is thrown away; it also builds the full text of every node it
 * asks "is this a byline?" or "is this empty?". build/patches/ copies the
 * page's nodes instead, guards the log line, and asks the cheap questions
 * first: a fifth less time per page, the same articles. It also reads a
 * wrapper's attributes once when it hands them down to its only child, which
 * linkedom builds anew on every read: a deep nest of wrappers crowded with
 * attributes took 40 s, now 4. These tests fail if
 * that patch is not applied, and check that the answers did not change.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Readability's own methods, as the patch leaves them, for asking them directly. */
interface Internals {
  _isValidByline(node: Element, matchString: string): boolean;
  _isElementWithoutContent(node: Element): boolean;
}

function documentOf(body: string): Document {
  return parseHTML(`<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`)
    .document as unknown as Document;
}

/** The prototype that owns an accessor, so a spy sees every element's use of it. */
function ownerOf<T extends object>(node: T, property: keyof T & string): T {
  let prototype = Object.getPrototypeOf(node) as T | null;
  while (prototype && !Object.getOwnPropertyDescriptor(prototype, property)) {
    prototype = Object.getPrototypeOf(prototype) as T | null;
  }
  if (!prototype) throw new Error(`no ${property} accessor`);
  return prototype;
}

const paragraph = (words: number) =>
  `<p>${'The harbour keeper, who had seen the tide, wrote it down. '.repeat(words)}</p>`;

describe('Readability as patched', () => {
  it('reads a wrapper’s attributes once when it hands them down to its only child', () => {
    // Each wrapper of a single div passes its attributes on, so the deepest
    // holds them all: read afresh at every step, 40 levels took seconds.
    const levels = 40;
    const wrappers = Array.from({ length: levels }, (_, level) => {
      const attributes = Array.from({ length: 5 }, (_, n) => `data-a${level}-${n}="v"`).join(' ');
      return `<div ${attributes}>`;
    });
    const document = documentOf(`${wrappers.join('')}${paragraph(12)}${'</div>'.repeat(levels)}`);
    const read = vi.spyOn(ownerOf(document.body, 'attributes'), 'attributes', 'get');
    const article = new Readability(document).parse();
    expect(article?.textContent).toContain('The harbour keeper');
    expect(read.mock.calls.length).toBeLessThan(levels * 3);
  });

  it('never serializes or re-parses the page, even when it has to retry', () => {
    // Under 500 characters of article: Readability retries with looser rules.
    const document = documentOf(`<div class="comment">${paragraph(3)}</div><div>${paragraph(2)}</div>`);
    const owner = ownerOf(document.body, 'innerHTML');
    const read = vi.spyOn(owner, 'innerHTML', 'get');
    const written = vi.spyOn(owner, 'innerHTML', 'set');
    const article = new Readability(document, { serializer: (node) => node }).parse();
    expect(read).not.toHaveBeenCalled();
    expect(written).not.toHaveBeenCalled();
    expect((article?.content as unknown as Element).textContent).toContain('The harbour keeper');
  });

  it('restores the page between attempts, so a retry still finds the whole article', () => {
    const document = documentOf(`<div class="sidebar">${paragraph(4)}</div>`);
    const article = new Readability(document).parse();
    expect(article?.textContent?.match(/harbour keeper/g)).toHaveLength(4);
  });

  it('reads a node’s text only when the node could be a byline', () => {
    const document = documentOf('<div class="story">Jane Doe</div><a rel="author">By Jane Doe</a>');
    const reader = new Readability(document) as unknown as Internals;
    const text = vi.spyOn(ownerOf(document.body, 'textContent'), 'textContent', 'get');
    const [story, author] = [document.querySelector('div')!, document.querySelector('a')!];
    expect(reader._isValidByline(story, 'story')).toBe(false);
    expect(text).not.toHaveBeenCalled();
    expect(reader._isValidByline(author, '')).toBe(true);
    expect(reader._isValidByline(story, 'byline')).toBe(true);
  });

  it('answers "is this element empty?" as before, without building its text', () => {
    const cases = [
      '<div></div>',
      '<div> \n\t </div>',
      '<div><br><hr></div>',
      '<div><br> <br></div>',
      '<div><p><br></p></div>',
      '<div><span> </span></div>',
      '<div><span>x</span></div>',
      '<div><br>text</div>',
      '<div><!-- a note --><br></div>',
      '<div>\u00a0</div>',
      `<div><div><div><div>${paragraph(1)}</div></div></div></div>`,
    ];
    for (const html of cases) {
      const document = documentOf(html);
      const node = document.body.firstElementChild!;
      // The published expression, for comparison.
      const before =
        !node.textContent!.trim().length &&
        (!node.children.length ||
          node.children.length ===
            node.getElementsByTagName('br').length + node.getElementsByTagName('hr').length);
      const text = vi.spyOn(ownerOf(node, 'textContent'), 'textContent', 'get');
      expect((new Readability(document) as unknown as Internals)._isElementWithoutContent(node), html).toBe(
        before,
      );
      expect(text, html).not.toHaveBeenCalled();
      text.mockRestore();
    }
  });
});
