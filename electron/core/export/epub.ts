/**
 * One article, or a chosen set, as an EPUB 3 book: a chapter per article
 * (title, byline and source, then the text as XHTML from xhtml.ts), the
 * article's images from its assets/ folder, a nav.xhtml table of contents
 * and a toc.ncx for EPUB 2 readers. The layout is the one epubcheck expects:
 * an uncompressed mimetype entry first, META-INF/container.xml pointing at
 * OEBPS/content.opf. The book's identifier is derived from the article ids,
 * so exporting the same set again gives the same book to a reader's library.
 *
 * Images go in only as PNG, JPEG or GIF, the types every EPUB reader must
 * show; others (WebP, AVIF, SVG) become their alt text rather than an image
 * a reader may refuse or that would need a fallback chain.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { assetMimeType, isAssetName } from '../../shared/assets';
import { LecternError } from '../../shared/errors';
import type { Library } from '../library/library';
import { readArticles, type ExportProgress } from './articles';
import { writeOutputVia } from './output';
import { escapeXml, xhtmlPage, toXhtmlBody } from './xhtml';
import { writeZip, type ZipSource } from '../files/zip';

const BOOK_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif']);
const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const STYLE = `body { font-family: serif; line-height: 1.5; }
img { max-width: 100%; }
.byline { font-style: italic; }
`;

export interface EpubOptions extends ExportProgress {
  /** The book's title; the article's own for one article, else "Lectern articles". */
  title?: string;
  now?: Date;
}

interface Chapter {
  file: string;
  title: string;
}

function bookIdentifier(ids: readonly string[]): string {
  const hex = createHash('sha256').update(ids.join('\n')).digest('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function opf(
  identifier: string,
  title: string,
  authors: string[],
  lang: string,
  modified: string,
  chapters: Chapter[],
  images: Map<string, string>,
): string {
  const items = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>',
    '<item id="style" href="style.css" media-type="text/css"/>',
    ...chapters.map((c, i) => `<item id="c${i + 1}" href="${c.file}" media-type="application/xhtml+xml"/>`),
    ...[...images].map(
      ([name, type], i) => `<item id="img${i + 1}" href="images/${name}" media-type="${type}"/>`,
    ),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${lang}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${identifier}</dc:identifier>
<dc:title>${escapeXml(title)}</dc:title>
<dc:language>${lang}</dc:language>
${authors.map((a) => `<dc:creator>${escapeXml(a)}</dc:creator>\n`).join('')}<meta property="dcterms:modified">${modified}</meta>
</metadata>
<manifest>
${items.join('\n')}
</manifest>
<spine toc="ncx">
${chapters.map((_, i) => `<itemref idref="c${i + 1}"/>`).join('\n')}
</spine>
</package>
`;
}

function nav(title: string, lang: string, chapters: Chapter[]): string {
  const entries = chapters.map((c) => `<li><a href="${c.file}">${escapeXml(c.title)}</a></li>`).join('\n');
  return xhtmlPage(
    title,
    lang,
    `<nav epub:type="toc" id="toc">\n<h1>Contents</h1>\n<ol>\n${entries}\n</ol>\n</nav>`,
    null,
  );
}

function ncx(identifier: string, title: string, chapters: Chapter[]): string {
  const points = chapters
    .map(
      (c, i) =>
        `<navPoint id="p${i + 1}" playOrder="${i + 1}"><navLabel><text>${escapeXml(c.title)}</text></navLabel><content src="${c.file}"/></navPoint>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
<head><meta name="dtb:uid" content="${identifier}"/><meta name="dtb:depth" content="1"/><meta name="dtb:totalPageCount" content="0"/><meta name="dtb:maxPageNumber" content="0"/></head>
<docTitle><text>${escapeXml(title)}</text></docTitle>
<navMap>
${points}
</navMap>
</ncx>
`;
}

export async function exportEpub(
  library: Library,
  ids: readonly string[],
  target: string,
  options: EpubOptions = {},
): Promise<{ chapters: number }> {
  if (ids.length === 0)
    throw new LecternError('invalid-argument', 'An EPUB needs at least one article; none was chosen.');
  const chapters: Chapter[] = [];
  const images = new Map<string, string>();
  const files: ZipSource[] = [];
  const authors = new Set<string>();
  let lang = '';
  for await (const { meta, html } of readArticles(library, ids, true, options)) {
    const place = meta.trashedAt ? 'trash' : 'articles';
    const image = (name: string): string | null => {
      const type = assetMimeType(name);
      if (!isAssetName(name) || !BOOK_IMAGE_TYPES.has(type)) return null;
      if (!images.has(name)) {
        images.set(name, type);
        files.push({ name: `OEBPS/images/${name}`, file: join(library.dir, place, meta.id, 'assets', name) });
      }
      return `../images/${name}`;
    };
    const body = toXhtmlBody(html, image);
    const articleLang = meta.lang && LANG.test(meta.lang) ? meta.lang : 'en';
    lang ||= articleLang;
    if (meta.byline) authors.add(meta.byline);
    const byline = [meta.byline, meta.siteName].filter(Boolean).join(', ');
    const source = meta.url
      ? `<p class="source"><a href="${escapeXml(new URL(meta.url).href)}">${escapeXml(meta.url)}</a></p>\n`
      : '';
    const file = `text/article-${chapters.length + 1}.xhtml`;
    const page = xhtmlPage(
      meta.title,
      articleLang,
      `<section epub:type="chapter">\n<h1>${escapeXml(meta.title)}</h1>\n${byline ? `<p class="byline">${escapeXml(byline)}</p>\n` : ''}${source}${body}\n</section>`,
      '../style.css',
    );
    files.push({ name: `OEBPS/${file}`, bytes: page });
    chapters.push({ file, title: meta.title });
  }
  const title =
    options.title ?? (chapters.length === 1 ? (chapters[0] as Chapter).title : 'Lectern articles');
  const identifier = bookIdentifier(ids);
  const modified = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  // Every image is checked now, so a missing one fails in words before the book is written.
  for (const source of files) {
    if (!('file' in source)) continue;
    await stat(source.file).catch(() => {
      throw new LecternError(
        'library-corrupt',
        `The image ${source.file} is missing from the library, so the EPUB was not written.`,
      );
    });
  }
  const book: ZipSource[] = [
    { name: 'mimetype', bytes: 'application/epub+zip', store: true },
    {
      name: 'META-INF/container.xml',
      bytes: `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`,
    },
    {
      name: 'OEBPS/content.opf',
      bytes: opf(identifier, title, [...authors], lang, modified, chapters, images),
    },
    { name: 'OEBPS/nav.xhtml', bytes: nav(title, lang, chapters) },
    { name: 'OEBPS/toc.ncx', bytes: ncx(identifier, title, chapters) },
    { name: 'OEBPS/style.css', bytes: STYLE },
    ...files,
  ];
  await writeOutputVia(target, async (temp) => {
    await writeZip(temp, book, options.signal);
  });
  return { chapters: chapters.length };
}
