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

  it('reads a wiki page: title without the site, no date from the text, headings without [edit]', () => {
    const section = (name: string) =>
      `<h2><span class="mw-headline" id="${name.replace(/ /g, '_')}">${name}</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=Tides&amp;action=edit">edit</a><span class="mw-editsection-bracket">]</span></span></h2><p>${PARAGRAPH} The office was founded in 1871 and moved on February 28, 1998.</p>`;
    const result = extractHtml(
      `<!doctype html><html lang="en"><head><title>Tide tables - Wikipedia</title>
       <link rel="canonical" href="https://en.wikipedia.org/wiki/Tide_tables"></head><body>
       <div id="content"><h1>Tide tables</h1><div id="bodyContent"><p>${PARAGRAPH}</p>
       ${section('History')}${section('Promotion controversy')}
       <ol class="references"><li><cite>"Tide clerks". <i>Harbour Gazette</i>. <span class="date">1 May 1998</span></cite></li></ol>
       </div></div></body></html>`,
      'tides.html',
    );
    expect(result.title).toBe('Tide tables');
    expect(result.published).toBeNull();
    expect(result.lang).toBe('en');
    const headings = [...result.contentHtml.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) =>
      m[1]!.replace(/<[^>]+>/g, '').trim(),
    );
    expect(headings).toEqual(['History', 'Promotion controversy']);
  });

  it('keeps a date sentence out of the byline', () => {
    const result = extractHtml(
      page('', '<p class="byline">April 28, 2019 at 6:01 am Updated April 28, 2019 at 9:15 am</p>'),
      'tides.html',
    );
    expect(result.byline).toBeNull();
  });
});
