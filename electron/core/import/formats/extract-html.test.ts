import { describe, expect, it } from 'vitest';
import { LecternError } from '../../../shared/errors';
import { extractHtml, withoutInertMarkup } from './extract-html';

const PARAGRAPH =
  'Tide tables were once printed by hand, a column of numbers for every harbour, checked against the ' +
  'moon and corrected each spring by clerks who had never seen the sea they were describing.';

function page(head: string, article: string): string {
  return `<!doctype html><html><head><title>How Tide Tables Were Made | Harbour News</title>${head}</head>
  <body><nav><a href="/">Home</a></nav><article><h1>How Tide Tables Were Made</h1>${article}
  <p>${PARAGRAPH}</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></body></html>`;
}

describe('withoutInertMarkup', () => {
  it('drops scripts, styles and comments but keeps JSON-LD', () => {
    const html =
      '<p>a</p><script>var s = "</p>";</script><style>p{}</style><!-- note --><script type="application/ld+json">{"x":1}</script><p>b</p>';
    expect(withoutInertMarkup(html)).toBe(
      '<p>a</p><script type="application/ld+json">{"x":1}</script><p>b</p>',
    );
  });
});

describe('extractHtml', () => {
  it('keeps the article and reads its metadata', () => {
    const result = extractHtml(
      page(
        `<link rel="canonical" href="https://harbour.example/tides"><base href="https://harbour.example/archive/">
         <meta property="og:image" content="images/lead.jpg"><meta property="og:site_name" content="Harbour News">`,
        '<p class="byline">By Mary Anning</p><time datetime="2022-06-03T18:40:00Z">June 3</time><img src="chart.png">',
      ),
      'tides.html',
    );
    expect(result).toMatchObject({
      title: 'How Tide Tables Were Made',
      byline: 'By Mary Anning',
      siteName: 'Harbour News',
      url: 'https://harbour.example/tides',
      published: '2022-06-03T18:40:00.000Z',
      leadImage: 'https://harbour.example/archive/images/lead.jpg',
    });
    expect(result.contentHtml).toContain('Tide tables were once printed by hand');
    expect(result.contentHtml).toContain('src="https://harbour.example/archive/chart.png"');
    expect(result.contentHtml).not.toContain('<nav');
  });

  it('takes the first picture of the article as lead image when the page names none', () => {
    const result = extractHtml(
      page('<link rel="canonical" href="https://harbour.example/tides">', '<p><img src="/charts/1.png"></p>'),
      'tides.html',
    );
    expect(result.leadImage).toBe('https://harbour.example/charts/1.png');
  });

  it('has no lead image when neither the page nor the article has one', () => {
    expect(extractHtml(page('', ''), 'tides.html').leadImage).toBeNull();
  });

  it('refuses a page with nothing to read, naming the file', () => {
    expect(() => extractHtml('<html><body>  </body></html>', 'empty.html')).toThrow(LecternError);
    expect(() => extractHtml('<html><body><script>x()</script></body></html>', 'empty.html')).toThrow(
      /empty\.html/,
    );
  });
});
