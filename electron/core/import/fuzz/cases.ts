/**
 * Fuzz cases for the importers: real-shaped files of every kind the
 * importer reads (a web page, a saved page as MHTML, Markdown, plain text,
 * an EPUB, PDFs plain and deflated), each built here from the test fixtures
 * rather than read from disk, then mutated: cut short, bits flipped, random
 * bytes written or inserted, markup nested deep, an element crowded with
 * attributes, or swapped for one of the bombs (bombs.ts), kept small enough
 * that a CI run stays quick while still passing each limit.
 *
 * Every case is a pure function of (seed, index): a failing case is
 * reproduced by its pair alone, whatever ran before it.
 */
import type { FileInput } from '../../../shared/api';
import { MAX_ATTRIBUTES_PER_ELEMENT, MAX_NESTING, MAX_PDF_STREAM_BYTES } from '../../../shared/limits';
import { epubBytes } from '../fixtures/epub';
import { pngBytes } from '../fixtures/images';
import { mhtmlBytes } from '../fixtures/mhtml';
import { flow, pdfBytes } from '../fixtures/pdf';
import {
  crowdedElement,
  inflatingPdf,
  manyPagePdf,
  selfClosingDivs,
  unendingTag,
  unpackingEpub,
} from './bombs';
import { random } from './random';

const encode = (text: string) => new TextEncoder().encode(text);

const ARTICLE = `<!doctype html><html lang="en"><head><title>Harbour notes</title>
<meta name="author" content="A. Pilot"><script>var x = "<div>";</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a></nav><article><h1>Harbour notes</h1>
${Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} is about harbours, tides and the boats that wait for them, and about the people who read the water.</p>`).join('\n')}
<figure><img src="page_files/tide.png" alt="Tide table"><figcaption>The tide table</figcaption></figure>
<svg width="10" height="10"><path d="M0 0L10 10"/></svg><ul><li>One<li>Two</ul></article></body></html>`;

const PNG = pngBytes();

function seeds(): FileInput[] {
  const lines = flow([
    ['Harbour notes', 24],
    ...Array.from({ length: 12 }, (_, i): [string, number] => [
      `Line ${i} of the harbour notes, about tides and boats.`,
      11,
    ]),
  ]);
  return [
    { name: 'page.html', type: 'text/html', bytes: encode(ARTICLE) },
    {
      name: 'page.mhtml',
      type: 'multipart/related',
      bytes: mhtmlBytes(
        {
          url: 'https://example.com/harbour',
          html: ARTICLE.replace('page_files/tide.png', 'https://example.com/tide.png'),
        },
        [{ type: 'image/png', location: 'https://example.com/tide.png', bytes: PNG }],
      ),
    },
    {
      name: 'notes.md',
      type: 'text/markdown',
      bytes: encode(
        `# Harbour notes\n\nThe *tide* turns.\n\n- one\n- two\n\n> a quote\n\n![tide](tide.png)\n`,
      ),
    },
    {
      name: 'notes.txt',
      type: 'text/plain',
      bytes: encode('Harbour notes\n\nThe tide turns at six, and the boats go out before it.\n'),
    },
    {
      name: 'book.epub',
      type: 'application/epub+zip',
      bytes: epubBytes({
        title: 'Harbour',
        author: 'A. Pilot',
        chapters: [
          {
            file: 'one.xhtml',
            body: '<h1>One</h1><p>The tide turns at six.</p><img src="tide.png" alt="Tide"/>',
          },
          { file: 'two.xhtml', body: '<h1>Two</h1><p>The boats go out before it.</p><div/><span/>' },
        ],
        images: [{ file: 'tide.png', bytes: PNG }],
      }),
    },
    {
      name: 'notes.pdf',
      type: 'application/pdf',
      bytes: pdfBytes([lines, lines], { title: 'Harbour notes' }),
    },
    { name: 'packed.pdf', type: 'application/pdf', bytes: pdfBytes([lines], { deflate: true }) },
  ];
}

type Mutation = (bytes: Uint8Array, next: () => number) => Uint8Array;

const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)] as T;

function splice(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

const MUTATIONS: Record<string, Mutation> = {
  truncate: (bytes, next) => bytes.slice(0, Math.floor(next() * bytes.length)),
  'flip bits': (bytes, next) => {
    const out = bytes.slice();
    for (let i = 0, flips = 1 + Math.floor(next() * 16); i < flips && out.length > 0; i++) {
      const at = Math.floor(next() * out.length);
      out[at] = (out[at] as number) ^ (1 << Math.floor(next() * 8));
    }
    return out;
  },
  'overwrite with random bytes': (bytes, next) => {
    const out = bytes.slice();
    const at = Math.floor(next() * out.length);
    for (let i = at; i < Math.min(out.length, at + 1 + Math.floor(next() * 256)); i++)
      out[i] = Math.floor(next() * 256);
    return out;
  },
  'insert random bytes': (bytes, next) =>
    splice(
      bytes,
      Math.floor(next() * bytes.length),
      0,
      Uint8Array.from({ length: 1 + Math.floor(next() * 512) }, () => Math.floor(next() * 256)),
    ),
  'nest deep': (bytes, next) => {
    const tag = pick(
      ['<div>', '<div/>', '<span>', '<b><i>', '<table><tr><td>', '<svg><g>', '<a href="x">'],
      next,
    );
    const count = Math.floor(next() * 2 * MAX_NESTING);
    return splice(bytes, Math.floor(next() * bytes.length), 0, encode(tag.repeat(count)));
  },
  'crowd attributes': (bytes, next) => {
    const count = Math.floor(next() * 2 * MAX_ATTRIBUTES_PER_ELEMENT);
    const attributes = Array.from(
      { length: count },
      (_, i) => `data-a${i}="${'v'.repeat(Math.floor(next() * 40))}"`,
    ).join(' ');
    return splice(bytes, Math.floor(next() * bytes.length), 0, encode(`<div ${attributes}>`));
  },
  'huge attribute': (bytes, next) =>
    splice(
      bytes,
      Math.floor(next() * bytes.length),
      0,
      encode(`<p title="${'x'.repeat(Math.floor(next() * 4 * 1024 * 1024))}">`),
    ),
};

/** The bombs, small enough for a quick run but each past the limit it tests. */
const BOMBS: Record<string, () => FileInput> = {
  '<div/> nesting': () => selfClosingDivs(MAX_NESTING * 3),
  'unending tag': () => unendingTag(256 * 1024),
  'crowded element': () => crowdedElement(MAX_ATTRIBUTES_PER_ELEMENT * 3),
  'unpacking EPUB': () => unpackingEpub(2, 13 * 1024 * 1024),
  'inflating PDF': () => inflatingPdf(MAX_PDF_STREAM_BYTES + 1024),
  'many-page PDF': () => manyPagePdf(3000),
};

export interface FuzzCase {
  /** How the case was made, for the report: the seed file and the mutation. */
  label: string;
  file: FileInput;
}

let seedFiles: FileInput[] | null = null;
const bombFiles = new Map<string, FileInput>();

/** One case in fifty is a bomb; bombs are built once per process, as they are the slow ones to make. */
export function fuzzCase(seed: number, index: number): FuzzCase {
  const next = random(Math.imul(seed, 0x9e3779b1) ^ index);
  if (next() < 0.02) {
    const name = pick(Object.keys(BOMBS), next);
    if (!bombFiles.has(name)) bombFiles.set(name, (BOMBS[name] as () => FileInput)());
    return { label: `bomb: ${name}`, file: bombFiles.get(name) as FileInput };
  }
  seedFiles ??= seeds();
  const base = pick(seedFiles, next);
  const names = Object.keys(MUTATIONS);
  let bytes = base.bytes;
  const applied: string[] = [];
  for (let i = 0, count = 1 + Math.floor(next() * 2); i < count; i++) {
    const name = pick(names, next);
    bytes = (MUTATIONS[name] as Mutation)(bytes, next);
    applied.push(name);
  }
  return { label: `${base.name}: ${applied.join(', ')}`, file: { ...base, bytes } };
}
