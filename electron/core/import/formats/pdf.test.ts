/**
 * The PDF reader on PDFs built here: running lines, page numbers and title
 * pages, each as a PDF of a few pages laid out like a printed paper.
 */
import { describe, expect, it } from 'vitest';
import { flow, pdfBytes, type PdfLine } from '../fixtures/pdf';
import { readPdf } from './pdf';

const PROSE = [
  'the tide tables of the harbour were printed each spring for the keepers.',
  'They gave the hour and the height of every high water for the year ahead.',
  'A keeper who misread them could strand a boat on the bar at the ebb.',
];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/** A page of body text from the top of the text area, its own words on each page, after `extra` lines (headers, footers). */
function bodyPage(page: number, extra: PdfLine[] = [], first: string[] = []): PdfLine[] {
  const text = [...first, `On the ${ORDINALS[page - 1]} page, ${PROSE[0]}`, ...PROSE.slice(1)];
  return [...extra, ...flow(text.map((line) => [line, 11]))];
}

describe('readPdf', () => {
  it('drops a running header and footer repeated on every page', async () => {
    const pages = [1, 2, 3, 4, 5].map((n) =>
      bodyPage(n, [
        { text: 'Journal of Harbour Studies', size: 9, y: 760 },
        { text: `Vol. 3, No. 2 (2021), pp. ${40 + n}`, size: 9, y: 36 },
      ]),
    );
    const { html } = await readPdf(pdfBytes(pages), 'journal.pdf');
    expect(html).not.toContain('Journal of Harbour Studies');
    expect(html).not.toContain('Vol. 3');
    expect(html).toContain('printed each spring');
  });

  it('drops bare page numbers in every common form', async () => {
    const numbers = ['1', '- 2 -', 'Page 3 of 5', 'iv', '5/5'];
    const pages = numbers.map((text, i) => bodyPage(i + 1, [{ text, size: 10, y: 40, x: 300 }]));
    const { html } = await readPdf(pdfBytes(pages), 'numbered.pdf');
    const text = html.replace(/<[^>]+>/g, ' ');
    for (const number of numbers) expect(text).not.toMatch(new RegExp(`(^|\\s)${number}(\\s|$)`));
    expect(html).not.toContain('Page 3');
  });

  it('keeps body lines with numbers, and headings whose number does not follow the page', async () => {
    const firsts = [
      'In 1912 the harbour froze for 40 days, and 12 boats were lost.',
      'By 1920 the new breakwater was 300 metres long.',
      'In 1931 a second light was built on the point.',
    ];
    const pages = firsts.map((first, i) =>
      bodyPage(i + 1, [{ text: `Chapter ${[2, 5, 9][i]}`, size: 11, y: 760 }], [first]),
    );
    pages[1]!.push({ text: 'Tides rose 3 feet in 1912.', size: 11, y: 60 });
    const { html } = await readPdf(pdfBytes(pages), 'history.pdf');
    for (const line of [...firsts, 'Chapter 2', 'Chapter 5', 'Chapter 9', 'Tides rose 3 feet in 1912.'])
      expect(html).toContain(line);
  });

  it('reads a title page as one title and paragraphs, the title also naming the article', async () => {
    const titlePage = flow([
      ['The Tides of Saltmarsh Harbour', 26],
      ['Ann Lamp', 16],
      ['Department of Coastal History, University of Northport', 14],
      ['3 June 2022', 14],
    ]);
    const pages = [
      titlePage,
      ...['Introduction', 'Sources'].map((text, i) => [{ text, size: 16, y: 740 }, ...bodyPage(i + 2)]),
    ];
    const article = await readPdf(pdfBytes(pages), 'tides.pdf');
    expect(article.title).toBe('The Tides of Saltmarsh Harbour');
    expect(article.html.match(/<h1>/g)).toHaveLength(1);
    expect(article.html).toContain('<h1>The Tides of Saltmarsh Harbour</h1>');
    for (const line of ['Ann Lamp', 'Department of Coastal History, University of Northport', '3 June 2022'])
      expect(article.html).toContain(`<p>${line}</p>`);
    expect(article.html).toContain('<h2>Introduction</h2>');
    expect(article.html).toContain('<h2>Sources</h2>');
  });

  it('makes headings of at most three sizes, and never of body-size text', async () => {
    const page = flow([
      ['Harbour Notes', 30],
      [PROSE[0]!, 11],
      ['Winter', 22],
      [PROSE[1]!, 11],
      ['The ice', 18],
      [PROSE[2]!, 11],
      ['On the causeway', 15],
      ['Short line', 11],
      [PROSE[0]!, 11],
    ]);
    const { html } = await readPdf(pdfBytes([page, bodyPage(2)]), 'notes.pdf');
    expect(html).toContain('<h1>Harbour Notes</h1>');
    expect(html).toContain('<h2>Winter</h2>');
    expect(html).toContain('<h3>The ice</h3>');
    expect(html).toMatch(/<p>On the causeway/);
    expect(html).not.toMatch(/<h\d>Short line/);
  });
});
