/**
 * EPUB to one reader article: the chapters in spine order (not manifest or
 * file order), each chapter's body kept with its headings, images taken from
 * the archive into the article's assets. Scripts and styles go the way of all
 * imported HTML, through the sanitizer. Every entry is read through the
 * size-capped zip reader (files/zip.ts), so a zip bomb is refused, not
 * unpacked; chapters
 * that each fit the cap but together pass MAX_ARTICLE_CHARS are refused
 * before the one that passes it is parsed, and each chapter and the
 * contents list go through the markup guard (nesting.ts) first.
 */
import { parseHTML } from 'linkedom';
import { LecternError } from '../../../shared/errors';
import { MAX_ARTICLE_CHARS, megabytes } from '../../../shared/limits';
import type { AssetStore } from '../images/asset-store';
import { checkMarkup } from '../pipeline/nesting';
import { parseDate } from './metadata';
import { openZipBytes, type ZipLimits, type ZipReader } from '../../files/zip';

/** Far above any real book's files, far below what would hurt memory. */
export const EPUB_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntries: 10_000,
};

export interface EpubBook {
  title: string;
  byline: string | null;
  lang: string | null;
  /** dc:date, ISO 8601. */
  published: string | null;
  /** Unsanitized HTML of every chapter, images already pointing at assets. */
  contentHtml: string;
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/** Resolves a relative href inside the archive ("../Images/a.png" from "OEBPS/Text/"). */
function resolvePath(base: string, href: string): string {
  const parts = (base + decodeURIComponent(href.split('#')[0] as string)).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

function xml(text: string): Document {
  return (
    parseHTML(`<root>${text.replace(/<\?xml[^>]*\?>/, '')}</root>`) as unknown as { document: Document }
  ).document;
}

/** Reads an EPUB entry by its path; null for a path the archive lacks. */
function entries(zip: ZipReader): (path: string) => Promise<Buffer | null> {
  const byName = new Map(zip.items.map((item) => [item.name, item]));
  return async (path) => {
    const item = byName.get(path);
    return item ? zip.bytes(item) : null;
  };
}

export async function readEpub(bytes: Uint8Array, name: string, assets: AssetStore): Promise<EpubBook> {
  const zip = await openZipBytes(bytes, EPUB_ZIP_LIMITS, name);
  try {
    return await readBook(entries(zip), name, assets);
  } finally {
    zip.close();
  }
}

async function readBook(
  read: (path: string) => Promise<Buffer | null>,
  name: string,
  assets: AssetStore,
): Promise<EpubBook> {
  const readText = async (path: string) => (await read(path))?.toString('utf8') ?? null;
  const notBook = () =>
    new LecternError(
      'extraction-failed',
      `${name} is not an e-book Lectern can read: its contents list is missing.`,
    );
  const container = await readText('META-INF/container.xml');
  const opfPath = container && /full-path\s*=\s*"([^"]+)"/i.exec(container)?.[1];
  const opfText = opfPath ? await readText(opfPath) : null;
  if (!opfPath || !opfText) throw notBook();
  checkMarkup(opfText, name);
  const opf = xml(opfText);
  const base = dirOf(opfPath);
  const manifest = new Map<string, { href: string; type: string }>();
  for (const item of opf.querySelectorAll('item')) {
    const id = item.getAttribute('id');
    const href = item.getAttribute('href');
    if (id && href)
      manifest.set(id, { href: resolvePath(base, href), type: item.getAttribute('media-type') ?? '' });
  }
  const elements = [...opf.querySelectorAll('*')];
  // Dublin Core elements keep their "dc:" prefix in an HTML parser.
  const text = (field: string) =>
    elements
      .find((element) => element.tagName.toLowerCase().replace(/^dc:/, '') === field)
      ?.textContent?.replace(/\s+/g, ' ')
      .trim() || null;
  const sections: string[] = [];
  let chapterChars = 0;
  for (const ref of opf.querySelectorAll('itemref')) {
    const item = manifest.get(ref.getAttribute('idref') ?? '');
    if (!item || !/html/.test(item.type)) continue;
    const chapter = await readText(item.href);
    if (!chapter) continue;
    chapterChars += chapter.length;
    if (chapterChars > MAX_ARTICLE_CHARS) {
      throw new LecternError(
        'too-large',
        `${name} unpacks to more than ${megabytes(MAX_ARTICLE_CHARS)} of chapters, more than Lectern keeps as one article. Nothing was saved.`,
      );
    }
    checkMarkup(chapter, name);
    const { document } = parseHTML(chapter) as unknown as { document: Document };
    const body = document.querySelector('body');
    if (!body) continue;
    for (const image of body.querySelectorAll('img, image')) {
      const src =
        image.getAttribute('src') ?? image.getAttribute('xlink:href') ?? image.getAttribute('href') ?? '';
      const data = /^[a-z][a-z0-9+.-]*:/i.test(src) ? null : await read(resolvePath(dirOf(item.href), src));
      const stored = data ? assets.add(data) : null;
      const replacement = document.createElement('img');
      replacement.setAttribute('alt', image.getAttribute('alt') ?? '');
      if (stored) replacement.setAttribute('src', stored);
      image.replaceWith(replacement);
    }
    sections.push(`<section>${body.innerHTML}</section>`);
  }
  const contentHtml = sections.join('\n');
  if (!contentHtml.replace(/<[^>]*>/g, '').trim()) {
    throw new LecternError('extraction-failed', `${name} has no chapters with text that Lectern could find.`);
  }
  return {
    title: text('title') ?? name.replace(/\.[^.]+$/, ''),
    byline: text('creator'),
    lang: text('language'),
    published: parseDate(text('date')),
    contentHtml,
  };
}
