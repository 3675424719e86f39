import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractHtml } from './extract-html';
import { prunePage } from './prune-page';
import type { ExtractionRule } from './extraction-rules';

const PROSE = [
  'Tide tables were once printed by hand, a column of numbers for every harbour, checked against the moon and corrected each spring by clerks who had never seen the sea they were describing.',
  'The clerks worked from observations sent in by harbour masters, who measured the water against painted posts at dawn and dusk and posted their ledgers to the office every month.',
  'When the first tide-predicting machines arrived, the clerks became their keepers, oiling the brass pulleys and checking the curves they drew against the ledgers of the old posts.',
  'Most of those ledgers survive in a county archive, bound in green cloth, and a few of them still carry the salt stains of the harbour offices where they were first written.',
];

/** A news photo's caption: a story of its own, longer than a label. */
const LONG_CAPTION =
  'Harbour masters measure the water against the painted posts at dawn, as they have done every morning since the office first asked them to in 1871';

/** A page whose article holds `inside` among its paragraphs, with `head` in <head> and `around` beside the article. */
function page(inside: string, { head = '', around = '', before = '' } = {}): string {
  const paragraphs = PROSE.map((p) => `<p>${p}</p>`);
  return `<!doctype html><html><head><title>How Tide Tables Were Made</title>${head}</head><body>
    ${around}<article><h1>How Tide Tables Were Made</h1>${before}${paragraphs.slice(0, 2).join('')}
    ${inside}${paragraphs.slice(2).join('')}</article>${around}</body></html>`;
}

function text(html: string, without: ExtractionRule[] = []): string {
  const result = extractHtml(html, 'tides.html', { without: new Set(without) });
  return result.contentHtml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

/** The phrase is gone with every rule on, and back with `rule` off. */
function removedBy(rule: ExtractionRule, html: string, phrase: string): void {
  expect(text(html)).not.toContain(phrase);
  expect(text(html, [rule])).toContain(phrase);
  for (const sentence of PROSE) expect(text(html)).toContain(sentence);
}

describe('the extraction layer around Readability', () => {
  it("prune-tags: keeps a figure's picture and its short caption, without the credit", () => {
    const html = page(
      '<figure><img src="https://tides.example/chart.png"><figcaption>A tide chart drawn by the office clerks <span class="credit">County Archive</span></figcaption></figure>',
    );
    expect(text(html)).toContain('A tide chart drawn by the office clerks');
    expect(text(html)).not.toContain('County Archive');
    expect(extractHtml(html, 'tides.html').contentHtml).toContain('https://tides.example/chart.png');
  });

  it('prune-tags: keeps the captions of a list whose items are figures', () => {
    const items = ['The harbour office in 1871', 'The brass machine room', 'The green ledgers']
      .map(
        (caption, i) =>
          `<li><figure><img src="https://tides.example/${i}.jpg"><figcaption>${caption}</figcaption></figure></li>`,
      )
      .join('');
    const html = page(`<ul>${items}</ul>`);
    for (const caption of ['The harbour office in 1871', 'The brass machine room', 'The green ledgers']) {
      expect(text(html)).toContain(caption);
    }
    expect(extractHtml(html, 'tides.html').contentHtml).toContain('https://tides.example/2.jpg');
  });

  it("prune-tags: drops a credit written at the end of a figure's caption", () => {
    const html = page(
      '<figure><img src="https://tides.example/posts.jpg"><figcaption>The painted posts at dawn. Credit: Mary Anning</figcaption></figure>',
    );
    expect(text(html)).toContain('The painted posts at dawn.');
    expect(text(html)).not.toContain('Mary Anning');
  });

  it("prune-tags: drops a figure's long caption, a news photo's story of its own", () => {
    removedBy(
      'prune-tags',
      page(
        `<figure><img src="https://tides.example/dawn.jpg" alt="Harbour posts at dawn"><figcaption>${LONG_CAPTION}</figcaption></figure>`,
      ),
      'Harbour masters measure the water',
    );
  });

  it("prune-tags: keeps a long caption that is its picture's only description", () => {
    for (const image of [
      '<img src="https://tides.example/dawn.jpg" alt="">',
      '<img src="https://tides.example/dawn.jpg">',
    ]) {
      const html = page(`<figure>${image}<figcaption>${LONG_CAPTION}</figcaption></figure>`);
      expect(text(html)).toContain(LONG_CAPTION);
    }
  });

  it('prune-tags: drops a figcaption that is a link to another article', () => {
    removedBy(
      'prune-tags',
      page(
        '<figure><img src="https://tides.example/b.jpg"><figcaption><a href="https://tides.example/b">Brass machines of the port</a></figcaption></figure>',
      ),
      'Brass machines of the port',
    );
  });

  it('prune-tags: a caption printed twice (figure and credit line) is read once', () => {
    const caption = 'Harbour masters at work on the painted posts in the early morning light';
    for (const alt of ['', ' alt="Painted posts"']) {
      const html = page(
        `<figure><img src="https://tides.example/posts.jpg"${alt}><figcaption><span>${caption}</span><span>${caption}</span></figcaption></figure>`,
      );
      expect(text(html).split(caption).length - 1).toBe(1);
    }
  });

  it("screen-reader-text: keeps a figure's label for screen readers, marked, and drops its credit", () => {
    const html = page(
      '<figure><span class="label">Photo</span><a href="https://tides.example/posts"><img src="https://tides.example/posts.jpg"></a><figcaption><span class="credit"><span class="label">Credit</span>Mary Anning</span></figcaption></figure>',
      {
        head: '<style>.label{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}</style>',
      },
    );
    expect(extractHtml(html, 'tides.html').contentHtml).toContain(
      '<span data-screen-reader-only="">Photo</span>',
    );
    expect(text(html)).not.toContain('Credit');
    expect(text(html, ['screen-reader-text'])).not.toContain('Photo');
  });

  it('screen-reader-text: text hidden from everyone stays removed', () => {
    const html = page(
      '<p style="display:none">A note for subscribers only</p><figure><span class="sr-only" aria-hidden="true">Photo</span><img src="https://tides.example/posts.jpg"></figure><p hidden>An old correction</p>',
    );
    for (const phrase of ['A note for subscribers', 'Photo', 'An old correction'])
      expect(text(html)).not.toContain(phrase);
  });

  it('prune-captions: drops a block whose class names a caption before Readability, keeping its picture', () => {
    const body = `<div class="wp-caption"><img src="https://tides.example/ledger.jpg"><p class="wp-caption-text">A ledger page in green cloth</p></div>${PROSE.map((p) => `<p>${p}</p>`).join('')}`;
    const pruned = (without: ExtractionRule[]) => {
      const { document } = parseHTML(`<html><body>${body}</body></html>`) as unknown as {
        document: Document;
      };
      prunePage(document, { without: new Set(without) });
      return document.body.innerHTML;
    };
    expect(pruned([])).not.toContain('A ledger page');
    expect(pruned([])).toContain('https://tides.example/ledger.jpg');
    expect(pruned(['prune-captions'])).toContain('A ledger page');
  });

  it("prune-captions: keeps a video's title and summary, which a caption-named block holds under a heading", () => {
    const html = page(
      '<div class="video"><img src="https://tides.example/film.jpg"><div class="caption"><h4>The last tide clerk</h4><p>A short film on the office that printed the tables until 1962, with its last clerk.</p></div></div>',
    );
    expect(text(html)).toContain('The last tide clerk');
    expect(text(html)).toContain('A short film on the office');
  });

  it("prune-captions: keeps a list item's short caption, the item's own words", () => {
    const html = page(
      '<ul><li>The ledgers were rebound in 1950.<ul><li><div class="wp-caption"><img src="https://tides.example/l.jpg"><p class="wp-caption-text">A rebound ledger in green cloth</p></div></li></ul></li></ul>',
    );
    expect(text(html)).toContain('A rebound ledger in green cloth');
    expect(extractHtml(html, 'tides.html').contentHtml).toContain('https://tides.example/l.jpg');
  });

  it('prune-captions: keeps a short caption beside its picture, and drops a long one', () => {
    const html = page(
      `<div class="photo"><img src="https://tides.example/m.jpg"><div class="media-caption">The tide machine of 1872</div></div><div class="photo"><img src="https://tides.example/n.jpg"><div class="media-caption">${LONG_CAPTION}</div></div>`,
    );
    expect(text(html)).toContain('The tide machine of 1872');
    expect(text(html)).not.toContain('Harbour masters measure the water');
  });

  it("prune-captions: drops a slideshow item's long caption", () => {
    removedBy(
      'prune-captions',
      page(
        `<ul><li class="gallery-item"><img src="https://tides.example/g.jpg"><div class="caption">${LONG_CAPTION}</div></li></ul>`,
      ),
      'Harbour masters measure the water',
    );
  });

  it('prune-captions: a class that says a block has no caption does not name it one', () => {
    const html = page(
      '<div class="list-item no_caption"><img src="https://tides.example/c.jpg"><p>The last clerk retired in 1962, and the office closed a month later.</p></div>',
    );
    expect(text(html)).toContain('The last clerk retired in 1962');
  });

  it('boilerplate-classes: drops a share bar named by its class', () => {
    removedBy(
      'boilerplate-classes',
      page(
        '<div class="newsletter-box"><p>The Harbour Letter comes every Friday.</p><p>Tide news for every port town, free.</p></div>',
      ),
      'The Harbour Letter comes every Friday',
    );
  });

  it('boilerplate-classes: keeps a name that is words of a line, and drops a block the name fills', () => {
    const html = page(
      '<p>Drawn by <span class="author-name">Mary Anning</span></p><p class="author-bio">Ann Lee writes on harbours for the county paper.</p>',
      { before: '<div class="byline">By Ann Lee</div>' },
    );
    expect(text(html)).toContain('Drawn by Mary Anning');
    expect(text(html)).not.toContain('Ann Lee');
  });

  it('boilerplate-classes: drops a named span that stands beside blocks, not inside a line', () => {
    removedBy(
      'boilerplate-classes',
      page(
        '<section><p>The office closed in 1962.</p><span class="timestamp">Updated 4:00 am, March 3</span></section>',
      ),
      'Updated 4:00 am',
    );
  });

  it('boilerplate-classes: keeps a heading whose id only happens to contain a vocabulary word', () => {
    const html = page('<h2><span id="Promotion_of_the_clerks">Promotion of the clerks</span></h2>');
    expect(text(html)).toContain('Promotion of the clerks');
  });

  it('boilerplate-classes: is not applied when it would remove nearly all the text', () => {
    const html = `<!doctype html><html><head><title>Tides</title></head><body><div class="story-meta">${PROSE.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    for (const sentence of PROSE) expect(text(html)).toContain(sentence);
  });

  it("link-density: drops a short block that is all links to the site's own pages", () => {
    removedBy(
      'link-density',
      page(
        '<p><a href="https://tides.example/a">Lights</a> · <a href="https://tides.example/b">Keepers</a></p>',
        { head: '<link rel="canonical" href="https://www.tides.example/tables">' },
      ),
      'Keepers',
    );
  });

  it('link-density: keeps a list of links out to other sites, which is the article pointing at its sources', () => {
    const html = page(
      '<ul><li><a href="https://almanac.example/1871">The 1871 almanac</a></li><li><a href="https://archive.example/ledgers">Ledgers online</a></li></ul>',
      { head: '<link rel="canonical" href="https://tides.example/tables">' },
    );
    expect(text(html)).toContain('The 1871 almanac');
    expect(text(html)).toContain('Ledgers online');
  });

  it('link-density: keeps a source line whose link spells out an address, even on its own site', () => {
    const html = page('<p><a href="https://tides.example.com/">www.tides.example.com</a></p>', {
      head: '<link rel="canonical" href="https://tides.example.com/tables">',
    });
    expect(text(html)).toContain('www.tides.example.com');
  });

  it('link-density: keeps an in-page table of contents', () => {
    const html = page(
      '<ul><li><a href="#early">Early tables</a></li><li><a href="#machines">Machines</a></li></ul>',
      {
        head: '<link rel="canonical" href="https://tides.example/tables">',
      },
    );
    expect(text(html)).toContain('Early tables');
  });

  it('link-density: judges a link set inside a line with the name beside it, as the entry the page shows', () => {
    // A short page, as a fable is: Readability keeps the layout table beside it.
    const entry = (name: string, slug: string, description: string) =>
      `<tr><td><span><b>${name}</b><p><a href="https://tides.example/${slug}">${description}</a></p></span></td></tr>`;
    const html = `<!doctype html><html><head><title>The Greedy Dog</title>
      <link rel="canonical" href="https://tides.example/fables/dog"></head><body><table><tr><td>
      <h1>The Greedy Dog</h1><p>A dog carrying a piece of meat was crossing a bridge. Looking down, he saw another
      dog in the river with a bigger piece, and barked to frighten it away. His own meat fell into the water,
      and the other dog was only his reflection.</p><p>The end.</p></td><td><table>
      ${entry('Tide almanac', 'almanac', 'Tables of every harbour, month by month')}
      ${entry('More', 'more', 'Lights and keepers of the coast')}</table></td></tr></table></body></html>`;
    expect(text(html)).toContain('Tide almanac Tables of every harbour, month by month');
    expect(text(html)).not.toContain('Lights and keepers');
    expect(text(html)).not.toMatch(/\bMore\b/);
    expect(text(html)).toContain('only his reflection');
  });

  it("link-density: keeps a row of links to the article's own translations", () => {
    const link = (slug: string, words: string, attributes = '') =>
      `<a ${attributes}href="https://tides.example/tables/${slug}">${words}</a>`;
    const rows: [string, string][] = [
      [`${link('fr', 'Français')} · ${link('de', 'Deutsch')}`, 'Français · Deutsch'],
      [
        `${link('cy', 'Darllen', 'hreflang="cy" ')} · ${link('ga', 'Léigh', 'hreflang="ga" ')}`,
        'Darllen · Léigh',
      ],
      [`${link('kana', 'ひらがな')} ←→ ${link('ja-en', '日本語・英語')}`, 'ひらがな ←→ 日本語・英語'],
    ];
    for (const [row, words] of rows) {
      const html = page(`<p>${row}</p>`, {
        head: '<link rel="canonical" href="https://tides.example/tables">',
      });
      expect(text(html)).toContain(words);
    }
  });

  it('link-density: still drops a site menu with a language among its entries', () => {
    removedBy(
      'link-density',
      page(
        '<p><a href="https://tides.example/news">Lights</a> · <a href="https://tides.example/en">English</a></p>',
        { head: '<link rel="canonical" href="https://tides.example/tables">' },
      ),
      'Lights',
    );
  });

  it('link-density: without an address, takes the host the page links to most as its own site', () => {
    const menu = ['a', 'b', 'c']
      .map((slug) => `<a href="https://tides.example/${slug}">Section ${slug}</a>`)
      .join(' ');
    const html = page(
      '<p><a href="https://tides.example/d">Lights</a> · <a href="https://tides.example/e">Keepers</a></p><p><a href="https://almanac.example/1871">The 1871 almanac</a></p>',
      { around: `<nav>${menu}</nav>` },
    );
    expect(text(html)).not.toContain('Keepers');
    expect(text(html)).toContain('The 1871 almanac');
  });

  it('boilerplate-text: drops an Advertisement line, a photo credit and a row of share words', () => {
    const html = page(
      '<p>Advertisement</p><p>Photograph: Mary Anning/County Archive</p><p>Share on Facebook Share on Twitter Email</p>',
    );
    removedBy('boilerplate-text', html, 'Advertisement');
    removedBy('boilerplate-text', html, 'Mary Anning/County Archive');
    removedBy('boilerplate-text', html, 'Share on Facebook');
  });

  it('boilerplate-text: keeps a credit line printed beside its picture', () => {
    const html = page(
      '<div><img src="https://tides.example/office.jpg"><p class="note">Mary Anning/County Archive/Getty Images</p></div>',
    );
    expect(text(html)).toContain('Mary Anning/County Archive/Getty Images');
  });

  it('boilerplate-text: judges a span with the line it is a word of, leaving no stub behind', () => {
    const html = page('<p><span>Sign up</span> for the harbour letter</p>');
    expect(text(html)).toContain('Sign up for the harbour letter');
  });

  it('boilerplate-text: a phrase counts only as a whole word, so "Ad" leaves "Advanced …" alone', () => {
    const html = page('<p>Ad</p><ul><li>Advanced brass gearing for finer curves</li></ul>');
    removedBy('boilerplate-text', html, 'Ad ');
    expect(text(html)).toContain('Advanced brass gearing');
  });

  it('article-edges: drops a leading byline and date line and a heading left at the end', () => {
    const html = page('', {
      before: '<p>By Mary Anning</p><p>June 3, 2022 at 6:01 am</p>',
    }).replace('</article>', '<h3>More from the harbour</h3></article>');
    removedBy('article-edges', html, 'By Mary Anning');
    removedBy('article-edges', html, 'June 3, 2022');
    removedBy('article-edges', html, 'More from the harbour');
  });

  it("edit-links: drops a wiki heading's [edit] link and keeps the heading", () => {
    const html = page(
      '<h2><span class="mw-headline" id="Early_tables">Early tables</span><span class="mw-editsection"><span>[</span><a href="/w/index.php?action=edit&amp;section=1">edit</a><span>]</span></span></h2><p>The earliest tables were kept in the harbour office and copied by hand for every ship that asked.</p>',
    );
    expect(text(html)).toContain('Early tables');
    removedBy('edit-links', html, '[ edit ]');
  });

  it('body-container: reads the container the page names as its article body', () => {
    const html = `<!doctype html><html><head><title>Tides</title></head><body><div>
      <div class="notice"><p>Our summer sale on harbour prints ends this week.</p></div>
      <div itemprop="articleBody">${PROSE.map((p) => `<p>${p}</p>`).join('')}</div></div></body></html>`;
    expect(text(html)).not.toContain('summer sale');
    expect(text(html, ['body-container'])).toContain('summer sale');
  });

  it("body-container: keeps the container's heading when it differs from the page's title", () => {
    const html = `<!doctype html><html><head><title>Tides: a history</title></head><body>
      <article><h1>Tides: clerks, posts and brass machines</h1>${PROSE.map((p) => `<div>${p}</div>`).join('')}</article>
      </body></html>`;
    expect(text(html)).toContain('clerks, posts and brass machines');
  });

  it('body-container: is not taken when it would drop the standfirst set just before it', () => {
    const standfirst =
      'A century of tide tables, from hand-copied ledgers to brass machines, and the clerks who kept them true to the sea.';
    const html = `<!doctype html><html><head><title>Tides</title></head><body><div class="story">
      <div class="standfirst">${standfirst}</div>
      <div class="article-body">${PROSE.map((p) => `<p>${p}</p>`).join('')}</div></div></body></html>`;
    expect(text(html)).toContain(standfirst);
  });
});
