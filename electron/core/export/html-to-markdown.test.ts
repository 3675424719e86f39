import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from './html-to-markdown';

const cases: [string, string, string][] = [
  [
    'headings and paragraphs',
    '<h1>Title</h1><p>One  two\nthree.</p><h3>Sub</h3>',
    '# Title\n\nOne two three.\n\n### Sub',
  ],
  [
    'emphasis, code and links',
    '<p><strong>bold</strong> <em>it</em> <code>a`b</code> <a href="https://x.org/a b">link</a></p>',
    '**bold** *it* ``a`b`` [link](<https://x.org/a b>)',
  ],
  ['images', '<p><img src="assets/ab.png" alt="A [cat]"></p>', '![A \\[cat\\]](assets/ab.png)'],
  [
    'escapes text that looks like syntax',
    '<p>1. not a list *nor* this</p><p># nor a heading</p>',
    '1\\. not a list \\*nor\\* this\n\n\\# nor a heading',
  ],
  [
    'nested lists',
    '<ul><li>a<ul><li>b</li></ul></li><li><p>c</p></li></ul><ol start="3"><li>x</li><li>y</li></ol>',
    '- a\n\n  - b\n- c\n\n3. x\n4. y',
  ],
  [
    'quotes and code blocks',
    '<blockquote><p>q1</p><p>q2</p></blockquote><pre><code>let a = 1 &lt; 2;\n```\n</code></pre>',
    '> q1\n>\n> q2\n\n````\nlet a = 1 < 2;\n```\n````',
  ],
  [
    'tables',
    '<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>',
    '| A | B |\n| --- | --- |\n| 1 | 2 |',
  ],
  [
    'line breaks and rules',
    '<p>a<br>b</p><hr><figure><img src="assets/c.png" alt=""><figcaption>Cap</figcaption></figure>',
    'a\\\nb\n\n---\n\n![](assets/c.png)\n\nCap',
  ],
  [
    'without the text the page hid for screen readers',
    '<p>Before</p><span data-screen-reader-only="">Photo</span><img src="assets/d.png" alt="Posts">',
    'Before\n\n![Posts](assets/d.png)',
  ],
];

describe('htmlToMarkdown', () => {
  it.each(cases)('%s', (_name, html, markdown) => {
    expect(htmlToMarkdown(html)).toBe(markdown);
  });

  it('reads back, through a Markdown parser, to the same text and structure', () => {
    const html = cases.map(([, input]) => input).join('');
    const back = new MarkdownIt().render(htmlToMarkdown(html));
    for (const tag of [
      '<h1>',
      '<h3>',
      '<strong>',
      '<em>',
      '<code>',
      '<ul>',
      '<ol start="3">',
      '<blockquote>',
      '<pre>',
      '<hr>',
      '<img',
    ])
      expect(back).toContain(tag);
    expect(back).toContain('1. not a list *nor* this');
  });
});
