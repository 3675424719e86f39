import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileInput } from '../../../shared/api';
import { caught } from '../../../shared/testing/caught';
import type { NewArticle } from '../../library/library';
import { prepareFile, prepareText } from './import-file';
import { countWords } from './words';

// A 1×1 transparent PNG.
const DATA_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const PARAGRAPHS = [
  'Libraries have always been quiet places, but the quiet is not an accident. It is designed into the ' +
    'shelves, the carpets, the distance between the reading tables and the stacks where people talk.',
  'When architects plan a reading room they measure how sound travels across it, and they place the ' +
    'busiest doors far from the longest tables so that nobody has to read through footsteps.',
  'Readers notice none of this, which is the point. A good room disappears, leaving only the page, ' +
    'the light falling across it, and the slow turning of an argument from one paragraph to the next.',
  'The same is true of a good reading application: it should take away the noise of the web, keep the ' +
    'words and the pictures that matter, and leave nothing behind that could distract or track the reader.',
];

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>The Quiet Library</title>
  <link rel="canonical" href="https://example.com/articles/quiet-library">
  <script>window.tracker = 'loaded';</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/about">About</a></nav>
  <article>
    <h1>The Quiet Library</h1>
    <p class="byline">By <a rel="author" href="/people/ada">Ada Lovelace</a></p>
    <p onclick="steal()">${PARAGRAPHS[0]}</p>
    <p>${PARAGRAPHS[1]} <a href="/reading-rooms">reading rooms</a> and
      <a href="next-part">the next part</a> and <a href="javascript:alert(1)">a trap</a>.</p>
    <figure><img src="${DATA_PNG}" alt="A tiny picture"></figure>
    <p>${PARAGRAPHS[2]}</p>
    <iframe src="https://evil.example/frame"></iframe>
    <p><img src="https://tracker.example/pixel.png" alt="remote"> ${PARAGRAPHS[3]}</p>
    <script>document.cookie = 'stolen';</script>
  </article>
</body>
</html>`;

/** PAGE with more tags at the top of its head. */
const withInHead = (tags: string) => PAGE.replace('<meta charset="utf-8">', `<meta charset="utf-8">${tags}`);

function file(name: string, content: string | Uint8Array, type = ''): FileInput {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, type, bytes };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('prepareFile on a web page', () => {
  const input = file('quiet-library.html', PAGE, 'text/html');
  let prepared: NewArticle;

  beforeAll(async () => {
    prepared = await prepareFile(input);
  });

  it('extracts the title, byline, language and canonical address', () => {
    const { fields } = prepared;
    expect(fields.title).toBe('The Quiet Library');
    expect(fields.byline).toBe('By Ada Lovelace');
    expect(fields.lang).toBe('en');
    expect(fields.url).toBe('https://example.com/articles/quiet-library');
  });

  it('counts the words of the article text', () => {
    const { fields } = prepared;
    // The four paragraphs plus "reading rooms and the next part and a trap"; not the title or byline.
    expect(fields.wordCount).toBe(countWords(PARAGRAPHS.join(' ')) + 9);
    expect(fields.wordCount).toBe(146);
  });

  it('starts the excerpt with the first paragraph', () => {
    const { fields } = prepared;
    expect(fields.excerpt.length).toBeGreaterThan(100);
    expect(fields.excerpt.length).toBeLessThanOrEqual(221);
    expect(fields.excerpt.startsWith('Libraries have always been quiet places')).toBe(true);
  });

  it('starts the excerpt after a byline line that Readability left in the text', async () => {
    // With the author in a meta tag Readability keeps the byline paragraph
    // and takes it for its excerpt; the text as stored starts after it.
    const authored = withInHead('<meta name="author" content="Ada Lovelace">');
    const { fields } = await prepareFile(file('authored.html', authored, 'text/html'));
    expect(fields.excerpt.startsWith('Libraries have always been quiet places')).toBe(true);
  });

  it('decodes character references left in a meta description', async () => {
    const described = withInHead(
      '<meta name="description" content="Quiet&amp;nbsp;rooms &amp;mdash; by design&amp;#8230;">',
    );
    const { fields } = await prepareFile(file('described.html', described, 'text/html'));
    expect(fields.excerpt).toBe('Quiet rooms — by design…');
  });

  it('keeps the paragraphs and the data: image', () => {
    const { html } = prepared;
    for (const paragraph of PARAGRAPHS) {
      expect(html).toContain(paragraph.slice(0, 60));
    }
    expect(html.match(/<p[\s>]/g)?.length).toBeGreaterThanOrEqual(4);
    const [asset] = prepared.assets;
    expect(prepared.assets).toHaveLength(1);
    expect(asset?.name).toMatch(/^[0-9a-f]{32}\.png$/);
    expect(Buffer.from(asset?.bytes ?? []).toString('base64')).toBe(DATA_PNG.split(',')[1]);
    expect(html).toContain(`src="assets/${asset?.name}"`);
  });

  it('removes everything that could run or fetch', () => {
    const { html } = prepared;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onclick|steal\(\)|stolen|tracker = /i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<iframe|evil\.example/i);
    expect(html.match(/<img/g)).toHaveLength(1);
    // The remote image's address is kept only as an inert attribute, to fetch it on request.
    expect(html).toContain(
      '<span data-missing-image="https://tracker.example/pixel.png" role="img" aria-label="Image not saved: remote"></span>',
    );
    expect(html.match(/tracker\.example/g)).toHaveLength(1);
    // The trap link keeps its words but loses its target.
    expect(html).toContain('and a trap.');
  });

  it('resolves relative links against the canonical address', () => {
    const { html } = prepared;
    expect(html).toContain('href="https://example.com/reading-rooms"');
    expect(html).toContain('href="https://example.com/articles/next-part"');
    expect(html).not.toMatch(/href="(?!https:\/\/)/);
  });

  it('describes its source and keeps the original bytes', () => {
    const article = prepared;
    expect(article.source).toEqual({ kind: 'html', name: 'quiet-library.html', sha256: sha256(input.bytes) });
    expect(article.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(article.original).toEqual({ bytes: input.bytes, extension: 'html' });
  });
});

describe('prepareFile', () => {
  it('uses og:url when there is no canonical link, and <base> for relative links', async () => {
    const page = PAGE.replace(
      '<link rel="canonical" href="https://example.com/articles/quiet-library">',
      '<meta property="og:url" content="https://news.example.org/story/1"><base href="https://cdn.example.org/x/">',
    );
    const { fields, html } = await prepareFile(file('story.htm', page));

    expect(fields.url).toBe('https://news.example.org/story/1');
    expect(html).toContain('href="https://cdn.example.org/reading-rooms"');
    expect(html).toContain('href="https://cdn.example.org/x/next-part"');
  });

  it('leaves the address empty and drops relative links when the page has no address', async () => {
    const page = PAGE.replace(/<link rel="canonical"[^>]*>/, '');
    const { fields, html } = await prepareFile(file('saved.html', page));

    expect(fields.url).toBeNull();
    expect(html).toContain('reading rooms');
    expect(html).not.toContain('href="/reading-rooms"');
  });

  it('imports a .txt file as a text article', async () => {
    const input = file('notes.txt', 'Shopping notes\n\nBread & butter.\n\nMilk <fresh>.\n', 'text/plain');
    const article = await prepareFile(input);

    expect(article.fields).toEqual({
      title: 'Shopping notes',
      byline: null,
      siteName: null,
      url: null,
      published: null,
      lang: null,
      excerpt: 'Bread & butter. Milk <fresh>.',
      wordCount: 4,
    });
    expect(article.html).toBe('<p>Bread &#38; butter.</p>\n<p>Milk &#60;fresh&#62;.</p>');
    expect(article.source).toEqual({ kind: 'text', name: 'notes.txt', sha256: sha256(input.bytes) });
    expect(article.original).toEqual({ bytes: input.bytes, extension: 'txt' });
  });

  it('names a text file without an extension by its kind', async () => {
    const article = await prepareFile(file('README', 'Read me\n\nPlease.'));
    expect(article.source.kind).toBe('text');
    expect(article.original.extension).toBe('txt');
  });

  it.each<[string, FileInput, string, RegExp]>([
    ['a 0-byte file', file('empty.html', new Uint8Array(0)), 'empty-file', /^empty\.html is empty/],
    ['a whitespace-only text file', file('blank.txt', '  \n\n '), 'empty-file', /^blank\.txt is empty/],
    [
      'a PNG named .html',
      file('x.html', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2])),
      'unsupported-type',
      /^x\.html is named like a web page/,
    ],
    [
      'invalid UTF-8 text',
      file('latin.txt', Uint8Array.from([0x63, 0x61, 0x66, 0xe9])),
      'invalid-encoding',
      /^latin\.txt is not valid UTF-8/,
    ],
  ])('rejects %s with a typed error', async (_label, input, code, message) => {
    const error = await caught(prepareFile(input));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describe('prepareText', () => {
  it('builds a clip with its own title and the site name from its address', async () => {
    const article = await prepareText({
      text: 'First line\n\nThe clip body.',
      title: '  Chosen title  ',
      url: 'https://www.example.net/post',
    });

    expect(article.fields).toMatchObject({
      title: 'Chosen title',
      siteName: 'example.net',
      url: 'https://www.example.net/post',
      wordCount: 3,
    });
    expect(article.source).toMatchObject({ kind: 'text', name: null });
    expect(article.original.extension).toBe('txt');
  });

  it('refuses an empty clip', async () => {
    const error = await caught(prepareText({ text: ' \n ' }));
    expect(error.code).toBe('empty-file');
    expect(error.message).toBe('The clip is empty: there is nothing in it to import.');
  });
});
