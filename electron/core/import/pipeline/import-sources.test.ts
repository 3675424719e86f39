/**
 * Every file source and every bad input of the import pipeline, on fixtures
 * built here: each test says what its file holds.
 */
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FileInput } from '../../../shared/api';
import { caught } from '../../../shared/testing/caught';
import { epubBytes } from '../fixtures/epub';
import { pngBytes, pngDataUri } from '../fixtures/images';
import { mhtmlBytes } from '../fixtures/mhtml';
import { flow, pdfBytes } from '../fixtures/pdf';
import { zipBytes } from '../fixtures/zip';
import { linkFileTarget, prepareFile } from './import-file';

const PROSE = [
  'The lighthouse keepers wrote in their logbooks every night, noting the wind, the weather and the ships.',
  'Those books are now kept in the county archive, where anyone can read the careful copperplate entries.',
  'Some keepers drew the birds that struck the lantern glass, and a few wrote poems in the margins too.',
];

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Keepers</title>${head}</head><body><article><h1>Keepers</h1>${body}${PROSE.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

const file = (name: string, content: string | Uint8Array, path?: string): FileInput => ({
  name,
  type: '',
  bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
  ...(path ? { path } : {}),
});

describe('saved web pages', () => {
  it('reads a page whose bytes do not fit its declared charset, with a notice saying so', async () => {
    const [head, tail] = page('').replace('charset="utf-8"', 'charset="gb2312"').split('<article>');
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(`${head}<article><p>tide `),
      0xb3,
      ...new TextEncoder().encode(` tables</p>${tail}`),
    ]);
    const article = await prepareFile(file('tides.html', bytes));
    expect(article.html).toContain('tide \uFFFD tables');
    expect(article.notices).toEqual([expect.stringMatching(/^tides\.html is not valid gb2312 text/)]);
    expect((await prepareFile(file('Keepers.html', page('')))).notices).toBeUndefined();
  });

  it('takes images of a "Save Page As, complete" from its _files folder', async () => {
    const html = page(
      '<figure><img src="Keepers_files/lamp%201.png" alt="Lamp"></figure><img src="./Keepers_files/b.png">',
    );
    const related = new Map([
      ['Keepers_files/lamp 1.png', pngBytes(1)],
      ['Keepers_files/b.png', pngBytes(2)],
    ]);
    const article = await prepareFile(file('Keepers.html', html), { related });
    expect(article.assets).toHaveLength(2);
    for (const asset of article.assets) expect(article.html).toContain(`src="assets/${asset.name}"`);
    expect(article.original.extension).toBe('html');
  });

  it('stores a data: image once even when the page uses it twice', async () => {
    const html = page(
      `<img src="${pngDataUri(3)}" alt="a"><p>Between.</p><img src="${pngDataUri(3)}" alt="b">`,
    );
    const article = await prepareFile(file('data.html', html));
    expect(article.assets).toHaveLength(1);
    expect(article.html.match(/<img/g)).toHaveLength(2);
  });

  it('leaves a placeholder for an image whose file is missing, and for a data: URI that is not an image', async () => {
    const html = page(
      '<img src="Keepers_files/gone.png" alt="Gone"><img src="data:image/png;base64,AAAA" alt="Bad">',
    );
    const article = await prepareFile(file('Keepers.html', html), { related: new Map() });
    expect(article.assets).toEqual([]);
    expect(article.html).not.toContain('<img');
    expect(article.html).toContain('aria-label="Image not saved: Gone"');
    expect(article.html).toContain('aria-label="Image not saved: Bad"');
  });

  it('reads an MHTML archive: the page in quoted-printable, images from base64 parts', async () => {
    const url = 'https://example.org/keepers/index.html';
    const html = page(
      '<p>Grüße “vom” Leuchtturm — ünïcode = fine</p><img src="lamp.png" alt="Lamp"><img src="https://cdn.example.org/x.png">',
    );
    const bytes = mhtmlBytes({ url, html }, [
      { type: 'image/png', location: 'https://example.org/keepers/lamp.png', bytes: pngBytes(4) },
      { type: 'image/png', location: 'https://cdn.example.org/x.png', bytes: pngBytes(5) },
    ]);
    const article = await prepareFile(file('keepers.mhtml', bytes));
    expect(article.fields.title).toBe('Keepers');
    expect(article.fields.url).toBe(url);
    expect(article.html).toContain('Grüße “vom” Leuchtturm — ünïcode = fine');
    expect(article.assets).toHaveLength(2);
    expect(article.source.kind).toBe('mhtml');
    expect(article.original.extension).toBe('mhtml');
  });
});

describe('lead image', () => {
  it('keeps the page’s own lead image from an MHTML part, even when the text does not show it', async () => {
    const url = 'https://example.org/keepers/index.html';
    const html = page(
      '<img src="lamp.png" alt="Lamp">',
      '<meta property="og:image" content="https://example.org/keepers/cover.png">',
    );
    const bytes = mhtmlBytes({ url, html }, [
      { type: 'image/png', location: 'https://example.org/keepers/lamp.png', bytes: pngBytes(4) },
      { type: 'image/png', location: 'https://example.org/keepers/cover.png', bytes: pngBytes(9) },
    ]);
    const article = await prepareFile(file('keepers.mhtml', bytes));
    const lead = article.assets.find((asset) => `assets/${asset.name}` === article.fields.leadImage);
    expect(lead?.bytes).toEqual(pngBytes(9));
    expect(article.html).not.toContain(article.fields.leadImage);
    expect(article.assets).toHaveLength(2);
  });

  it('takes the first stored picture of the article when the page names none it came with', async () => {
    const related = new Map([['Keepers_files/lamp.png', pngBytes(3)]]);
    const html = page(
      '<img src="https://cdn.example.org/remote.png"><img src="Keepers_files/lamp.png" alt="Lamp"><img src="' +
        pngDataUri(6) +
        '">',
      '<meta property="og:image" content="https://example.org/cover.png">',
    );
    const article = await prepareFile(file('Keepers.html', html), { related });
    const lead = article.assets.find((asset) => `assets/${asset.name}` === article.fields.leadImage);
    expect(lead?.bytes).toEqual(pngBytes(3));
  });

  it('has none when no picture is kept', async () => {
    const html = page('<img src="https://cdn.example.org/remote.png" alt="Remote">');
    const article = await prepareFile(file('remote.html', html));
    expect(article.fields.leadImage).toBeUndefined();
    expect(article.assets).toEqual([]);
  });
});

describe('Markdown', () => {
  it('renders headings, lists, code and links, takes the title from the first heading, and escapes raw HTML', async () => {
    const md = `# Field Notes\n\nSome *emphasis* and a [link](https://example.com).\n\n## Birds\n\n- gull\n- tern\n\n\`\`\`\nlog = 1\n\`\`\`\n\n<script>alert(1)</script>\n`;
    const article = await prepareFile(file('notes.md', md));
    expect(article.fields.title).toBe('Field Notes');
    expect(article.html).toContain('<h2>Birds</h2>');
    expect(article.html).toContain('<li>gull</li>');
    expect(article.html).toContain('<pre><code>log = 1');
    expect(article.html).toContain('href="https://example.com"');
    expect(article.html).not.toContain('<script');
    expect(article.html).not.toContain('<h1>');
    expect(article.source.kind).toBe('markdown');
  });

  it('reads the front matter for title, author, date and language, and keeps it out of the text', async () => {
    const md = `---\ntitle: "Field Notes"\nauthor:\n  - Ann Lamp\n  - Ben Gull\ndate: 2022-06-03\nlang: en-GB\n---\n\nThe gulls came back in June.\n`;
    const article = await prepareFile(file('notes.md', md));
    expect(article.fields).toMatchObject({
      title: 'Field Notes',
      byline: 'Ann Lamp, Ben Gull',
      published: '2022-06-03T00:00:00.000Z',
      lang: 'en-GB',
    });
    expect(article.html).not.toContain('title:');
    expect(article.html).not.toContain('<hr');
  });
});

describe('PDF', () => {
  const lines = flow([
    ['Tide Tables', 28],
    ['The sea keeps its own calendar, and the tables', 11],
    ['that predict it are older than most harbours.', 11],
    ['Reading the tables', 16],
    ['Each row gives a time and a height for high water.', 11],
  ]);

  it('reflows the text layer into paragraphs with headings from the font sizes', async () => {
    const article = await prepareFile(file('tides.pdf', pdfBytes([lines])));
    expect(article.fields.title).toBe('Tide Tables');
    expect(article.html).toContain('<h1>Tide Tables</h1>');
    expect(article.html).toContain('<h2>Reading the tables</h2>');
    expect(article.html).toContain(
      '<p>The sea keeps its own calendar, and the tables that predict it are older than most harbours.</p>',
    );
    expect(article.source.kind).toBe('pdf');
  });

  it('reads a two-column page column by column, joining a paragraph that runs on into the next column', async () => {
    const left = [
      'The harbour was quiet that winter, and the',
      'keepers of the light wrote far less than they',
      'had in any year before it, because the ferry',
    ];
    const right = [
      'stopped running in the first week of January',
      'and did not come back until the ice had gone',
      'from the channel and the causeway was open.',
    ];
    const page = [
      { text: 'Harbour Notes', size: 28, y: 740 },
      ...left.flatMap((text, row) => [
        { text, size: 11, y: 700 - row * 14, x: 72 },
        { text: right[row] ?? '', size: 11, y: 700 - row * 14, x: 320 },
      ]),
    ];
    const article = await prepareFile(file('columns.pdf', pdfBytes([page])));
    expect(article.html).toContain(`<p>${[...left, ...right].join(' ')}</p>`);
  });

  it('prefers the title in the document information', async () => {
    const article = await prepareFile(file('x.pdf', pdfBytes([lines], { title: 'Almanac' })));
    expect(article.fields.title).toBe('Almanac');
  });

  it('reads the author and date from the document information', async () => {
    const bytes = pdfBytes([lines], { author: 'Ann Lamp', creationDate: "D:20220603184000+02'00'" });
    const article = await prepareFile(file('x.pdf', bytes));
    expect(article.fields).toMatchObject({ byline: 'Ann Lamp', published: '2022-06-03T16:40:00.000Z' });
  });

  it('prefers XMP creator and creation date over the document information', async () => {
    const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><dc:creator><rdf:Seq><rdf:li>Ben Gull</rdf:li></rdf:Seq></dc:creator><xmp:CreateDate>2021-05-04T10:00:00Z</xmp:CreateDate></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
    const bytes = pdfBytes([lines], { author: 'Ann Lamp', creationDate: 'D:20220603', xmp });
    const article = await prepareFile(file('x.pdf', bytes));
    expect(article.fields).toMatchObject({ byline: 'Ben Gull', published: '2021-05-04T10:00:00.000Z' });
  });

  it('refuses a PDF without a text layer, saying it looks like a scan', async () => {
    const error = await caught(prepareFile(file('scan.pdf', pdfBytes([]))));
    expect(error.message).toBe(
      'scan.pdf has no text layer: it looks like a scan. Lectern reads PDFs that contain text; run it through OCR first.',
    );
  });

  it('refuses a password-protected PDF with a clear message', async () => {
    const error = await caught(prepareFile(file('locked.pdf', pdfBytes([lines], { encrypted: true }))));
    expect(error.message).toBe(
      'locked.pdf is protected by a password. Open it, save a copy without the password, and drop that.',
    );
  });
});

describe('EPUB', () => {
  const book = () =>
    epubBytes({
      title: 'The Keeper’s Year',
      author: 'Ann Lamp',
      date: '2019-04-01',
      chapters: [
        {
          file: 'one.xhtml',
          body: '<h1>Spring</h1><p>The first chapter.</p><img src="images/gull.png" alt="Gull"/>',
        },
        { file: 'two.xhtml', body: '<h1>Summer</h1><p>The second chapter.</p><script>alert(1)</script>' },
      ],
      manifestOrder: ['two.xhtml', 'one.xhtml'],
      images: [{ file: 'images/gull.png', bytes: pngBytes(6) }],
    });

  it('joins the chapters in spine order, keeps headings and images, drops scripts', async () => {
    const article = await prepareFile(file('year.epub', book()));
    expect(article.fields).toMatchObject({
      title: 'The Keeper’s Year',
      byline: 'Ann Lamp',
      lang: 'en',
      published: '2019-04-01T00:00:00.000Z',
    });
    expect(article.html.indexOf('Spring')).toBeLessThan(article.html.indexOf('Summer'));
    expect(article.html).toContain('<h1>Spring</h1>');
    expect(article.html).not.toContain('script');
    expect(article.assets).toHaveLength(1);
    expect(article.html).toContain(`src="assets/${article.assets[0]?.name}"`);
  });

  it('refuses a zip bomb without unpacking it', async () => {
    const bomb = epubBytes({
      title: 'Bomb',
      chapters: [{ file: 'one.xhtml', body: '<p>x</p>' }],
      extra: [],
    });
    // A chapter that inflates to 64 MB of spaces while claiming 100 bytes.
    const huge = zipBytes([
      { name: 'mimetype', content: 'application/epub+zip', store: true },
      ...['META-INF/container.xml', 'OEBPS/content.opf'].map((name) => ({
        name,
        content: new TextDecoder().decode(readEntry(bomb, name)),
      })),
      { name: 'OEBPS/one.xhtml', content: new Uint8Array(64 * 1024 * 1024).fill(32), declaredSize: 100 },
    ]);
    expect(huge.byteLength).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const error = await caught(prepareFile(file('bomb.epub', huge)));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/^bomb\.epub holds a file \(OEBPS\/one\.xhtml\) that unpacks to more than/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('refuses an EPUB with no contents list', async () => {
    const error = await caught(
      prepareFile(
        file('empty.epub', zipBytes([{ name: 'mimetype', content: 'application/epub+zip', store: true }])),
      ),
    );
    expect(error.message).toMatch(/^empty\.epub is not an e-book Lectern can read/);
  });
});

/** Reads one stored or deflated entry back out of a fixture zip, for building variants. */
function readEntry(zip: Uint8Array, name: string): Uint8Array {
  const text = new TextDecoder('latin1').decode(zip);
  const at = text.indexOf(`PK\u0003\u0004`, text.indexOf(name) - 40);
  const view = new DataView(zip.buffer, zip.byteOffset);
  const size = view.getUint32(at + 18, true);
  const start = at + 30 + view.getUint16(at + 26, true);
  const data = zip.subarray(start, start + size);
  return view.getUint16(at + 8, true) === 0 ? data : Uint8Array.from(inflateRawSync(data));
}

describe('link files', () => {
  it.each<[string, string]>([
    ['page.url', '[InternetShortcut]\r\nURL=https://example.com/a?b=1\r\n'],
    [
      'page.webloc',
      '<?xml version="1.0"?><plist><dict><key>URL</key><string>https://example.com/a?b=1</string></dict></plist>',
    ],
    ['page.desktop', '[Desktop Entry]\nType=Link\nName=A\nURL=https://example.com/a?b=1\n'],
  ])('reads the address of %s', (name, content) => {
    expect(linkFileTarget(file(name, content))).toBe('https://example.com/a?b=1');
  });

  it('reads a binary .webloc', () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('bplist00\u00d1\u0001\u0002SURL_\u0010'),
      0,
      ...new TextEncoder().encode('https://example.com/b'),
      0,
      8,
    ]);
    expect(linkFileTarget(file('b.webloc', bytes))).toBe('https://example.com/b');
  });

  it('refuses a link file with no web address', () => {
    expect(() => linkFileTarget(file('odd.url', '[InternetShortcut]\nURL=file:///etc/passwd\n'))).toThrow(
      'odd.url is a link file, but it holds no web address Lectern can open.',
    );
  });

  it('is null for files that are not link files', () => {
    expect(linkFileTarget(file('a.html', page('')))).toBeNull();
  });
});

describe('bad input', () => {
  it.each<[string, FileInput, string, RegExp]>([
    ['an empty file', file('empty.html', new Uint8Array()), 'empty-file', /^empty\.html is empty/],
    [
      'binary data named .html',
      file('blob.html', Uint8Array.from([1, 0, 2, 0, 3])),
      'unsupported-type',
      /^blob\.html is named like a web page but holds binary data/,
    ],
    [
      'invalid UTF-8',
      file('bad.txt', Uint8Array.from([0x48, 0xff, 0xfe, 0x49])),
      'invalid-encoding',
      /^bad\.txt is not valid UTF-8/,
    ],
    [
      'a zip that is not a book',
      file('a.zip', zipBytes([{ name: 'x.txt', content: 'x' }])),
      'unsupported-type',
      /^a\.zip is a zip archive/,
    ],
  ])('refuses %s', async (_label, input, code, message) => {
    const error = await caught(prepareFile(input));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('refuses 50,000 nested divs before parsing them', async () => {
    const deep = `<!doctype html><html><head><title>Deep</title></head><body>${'<div>'.repeat(50_000)}<p>${PROSE[0]}</p>${'</div>'.repeat(50_000)}</body></html>`;
    const error = await caught(prepareFile(file('deep.html', deep)));
    expect(error.message).toBe(
      'deep.html nests its markup more than 1000 levels deep, which no article needs; Lectern did not read it.',
    );
  });

  it('reads a page with thousands of unclosed paragraphs', async () => {
    const loose = `<!doctype html><html><head><title>Loose</title></head><body><div>${'<p>A line of text that goes on.'.repeat(3000)}</div></body></html>`;
    expect((await prepareFile(file('loose.html', loose))).fields.title).toBe('Loose');
  });
});
