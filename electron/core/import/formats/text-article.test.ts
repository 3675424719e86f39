import { describe, expect, it } from 'vitest';
import { textToArticle } from './text-article';

// Two lines of at least 50 characters each, as an e-mail client wraps them.
const WRAPPED_1 = 'It was a bright cold day in April, and the clocks were';
const WRAPPED_2 = 'striking thirteen. Winston Smith, his chin nuzzled into';
const WRAPPED_3 = 'his breast.';

describe('textToArticle', () => {
  it.each<[string, string, string, string]>([
    [
      'the first line as title and blank-line paragraphs',
      'My title\n\nFirst paragraph.\n\nSecond paragraph.',
      'My title',
      '<p>First paragraph.</p>\n<p>Second paragraph.</p>',
    ],
    [
      'leading blank lines and surrounding spaces',
      '\n\n   Spaced title   \n\n  Body.  \n',
      'Spaced title',
      '<p>Body.</p>',
    ],
    [
      'hard-wrapped lines joined into one paragraph',
      `Title\n\n${WRAPPED_1}\n${WRAPPED_2}\n${WRAPPED_3}\n\nNext.`,
      'Title',
      `<p>${WRAPPED_1} ${WRAPPED_2} ${WRAPPED_3}</p>\n<p>Next.</p>`,
    ],
    [
      'short lines keeping their breaks',
      'Poem\n\nRoses are red,\nViolets are blue.\n\nThe end.',
      'Poem',
      '<p>Roses are red,<br>Violets are blue.</p>\n<p>The end.</p>',
    ],
    [
      'a short line followed by long ones kept as breaks',
      `Title\n\nDear Sir,\n${WRAPPED_1}\n${WRAPPED_2}\n\nYours.`,
      'Title',
      `<p>Dear Sir,<br>${WRAPPED_1}<br>${WRAPPED_2}</p>\n<p>Yours.</p>`,
    ],
    [
      'each line a paragraph when there are no blank lines',
      'Copied title\nOne line.\nAnother line.',
      'Copied title',
      '<p>One line.</p>\n<p>Another line.</p>',
    ],
    ['a one-line clip as title and body', 'Just one line', 'Just one line', '<p>Just one line</p>'],
    [
      'CRLF line ends',
      'My title\r\n\r\nFirst paragraph.\r\n\r\nRoses are red,\r\nViolets are blue.',
      'My title',
      '<p>First paragraph.</p>\n<p>Roses are red,<br>Violets are blue.</p>',
    ],
    [
      'old Mac CR line ends',
      'My title\r\rFirst paragraph.\r\rShort,\rlines.',
      'My title',
      '<p>First paragraph.</p>\n<p>Short,<br>lines.</p>',
    ],
    ['a byte-order mark, dropped', '\ufeffTitle\n\nBody.', 'Title', '<p>Body.</p>'],
    ['blank lines holding only spaces', 'Title\n\nOne.\n   \t\nTwo.', 'Title', '<p>One.</p>\n<p>Two.</p>'],
  ])('builds %s', (_label, text, title, html) => {
    const article = textToArticle(text, 'Fallback');
    expect(article.title).toBe(title);
    expect(article.html).toBe(html);
  });

  it('gives the plain text of the paragraphs, blank-line separated', () => {
    expect(textToArticle('Title\n\nOne.\n\nTwo\nlines.', 'x').text).toBe('One.\n\nTwo\nlines.');
  });

  it('escapes HTML special characters so no tag from the text survives', () => {
    const text = [
      '<b>Bold</b> & "quoted" title',
      '',
      '<script>alert("x")</script>',
      '',
      "<img src=x onerror='alert(1)'> a < b > c & d",
      '<a href="javascript:alert(\'x\')">link</a>',
    ].join('\n');

    const article = textToArticle(text, 'Fallback');

    expect(article.title).toBe('<b>Bold</b> & "quoted" title');
    expect(article.html).toBe(
      [
        '<p>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;</p>',
        '<p>&#60;img src=x onerror=&#39;alert(1)&#39;&#62; a &#60; b &#62; c &#38; d<br>' +
          '&#60;a href=&#34;javascript:alert(&#39;x&#39;)&#34;&#62;link&#60;/a&#62;</p>',
      ].join('\n'),
    );
    const tags = article.html.match(/<[^>]*>/g) ?? [];
    expect(new Set(tags)).toEqual(new Set(['<p>', '</p>', '<br>']));
  });

  it('truncates a very long first line to 200 characters with an ellipsis', () => {
    const long = 'word '.repeat(100).trim();
    const article = textToArticle(`${long}\n\nBody.`, 'Fallback');

    expect(article.title).toHaveLength(200);
    expect(article.title).toBe(`${long.slice(0, 199)}…`);
    expect(article.html).toBe('<p>Body.</p>');
  });

  it('keeps a first line of exactly 200 characters whole', () => {
    const line = 'x'.repeat(200);
    expect(textToArticle(`${line}\n\nBody.`, 'Fallback').title).toBe(line);
  });

  it('keeps the whole text of a long one-line clip as its body', () => {
    const long = 'word '.repeat(100).trim();
    const article = textToArticle(long, 'Fallback');
    expect(article.title.endsWith('…')).toBe(true);
    expect(article.html).toBe(`<p>${long}</p>`);
  });

  it.each(['', '\n\n', '   \r\n\t'])('uses the fallback title for blank text %j', (text) => {
    expect(textToArticle(text, 'Fallback')).toEqual({
      title: 'Fallback',
      html: '',
      text: '',
      byline: null,
      published: null,
    });
  });
});
