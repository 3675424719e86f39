/**
 * The import pipeline for one file, from bytes to a NewArticle ready for the
 * library: size check, kind detection by content, decoding, extraction,
 * image localization, sanitizing, metadata. Nothing here touches the disk, so
 * a failure at any step has nothing to undo.
 */
import { createHash } from 'node:crypto';
import type { FileInput, TextInput } from '../../../shared/api';
import type { SourceKind } from '../../../shared/article';
import { LecternError } from '../../../shared/errors';
import {
  fileTooLarge,
  MAX_ARTICLE_CHARS,
  MAX_IMPORT_BYTES,
  MAX_PAGE_CHARS,
  megabytes,
} from '../../../shared/limits';
import type { NewArticle } from '../../library/library';
import { logUnexpected } from '../../log';
import { firstStoredImage } from '../../../shared/assets';
import { AssetStore } from '../images/asset-store';
import { decodeHtml, decodeText } from './decode';
import { extensionOf } from '../../../shared/importable-files';
import { detectKind } from './detect';
import { readEpub } from '../formats/epub';
import { extractHtml } from '../formats/extract-html';
import { readLinkFile } from '../formats/link-file';
import { finishImages, storeLocalImages, type FetchImage, type LocalImage } from '../images/localize-images';
import { renderMarkdown } from '../formats/markdown';
import { parseMhtml } from '../formats/mhtml';
import { checkMarkup } from './nesting';
import { readPdf } from '../formats/pdf';
import { sanitizeHtml } from './sanitize';
import { textToArticle } from '../formats/text-article';
import { countWords, excerptOf } from './words';
import { decodeEntities } from '../../../shared/html-entities';

export interface PrepareOptions {
  /** Files that came with this one, by path relative to its folder: a saved page's `<name>_files/`. */
  related?: ReadonlyMap<string, Uint8Array>;
  /** The address the bytes were fetched from, for relative links and the article's URL. */
  fetchedFrom?: string;
  /** Fetches a web image; given only when the import may use the network. */
  fetchImage?: FetchImage;
  /**
   * Images whose bytes came with the page, by the address it gives them (a
   * web clip's image parts): stored before extraction, like an MHTML part.
   */
  localImage?: LocalImage;
}

type Fields = NewArticle['fields'];

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Keeps the original's extension when it is a plain one, else names it by kind. */
function originalExtension(name: string, fallback: string): string {
  const extension = extensionOf(name);
  return /^[a-z0-9]{1,8}$/.test(extension) ? extension : fallback;
}

function baseName(name: string): string {
  return name.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, '');
}

export function siteOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Finds a saved page's resource among the files that came with it. */
function relatedResolver(related: ReadonlyMap<string, Uint8Array> | undefined): LocalImage {
  if (!related || related.size === 0) return () => null;
  return (src) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/')) return null;
    let path: string;
    try {
      path = decodeURIComponent(src.split(/[?#]/)[0] as string);
    } catch {
      return null;
    }
    return related.get(path.replace(/^\.\//, '')) ?? null;
  };
}

interface Built {
  fields: Fields;
  html: string;
  assets: AssetStore;
  /** "assets/<name>" of the lead image the page names, when its bytes came with it. */
  leadImage?: string | null;
  /** Sentences on how the file was read, for the import's outcome (a page decoded with replacement characters). */
  notices?: string[];
}

/** The page's own lead image when stored, else the first picture the article keeps. */
function leadImageOf(built: Built, html: string): string | null {
  return built.leadImage ?? firstStoredImage(html);
}

async function finish(
  kind: SourceKind,
  file: FileInput,
  built: Built,
  fallbackExtension: string,
): Promise<NewArticle> {
  if (built.html.length > MAX_ARTICLE_CHARS) {
    throw new LecternError(
      'too-large',
      `${file.name} makes an article of ${megabytes(built.html.length)}, more than the ${megabytes(MAX_ARTICLE_CHARS)} Lectern keeps as one article. Nothing was saved.`,
    );
  }
  const { html, text } = sanitizeHtml(built.html);
  if (!text.trim()) {
    throw new LecternError('extraction-failed', `${file.name} has no text that Lectern could find to read.`);
  }
  const leadImage = leadImageOf(built, html);
  return {
    fields: {
      ...built.fields,
      excerpt: excerptOf(decodeEntities(built.fields.excerpt) || text),
      wordCount: countWords(text),
      ...(leadImage ? { leadImage } : {}),
    },
    html,
    assets: built.assets.usedBy(html, leadImage),
    source: { kind, name: file.name, sha256: sha256(file.bytes) },
    original: { bytes: file.bytes, extension: originalExtension(file.name, fallbackExtension) },
    ...(built.notices?.length ? { notices: built.notices } : {}),
  };
}

async function fromPage(
  page: string,
  name: string,
  local: LocalImage,
  options: PrepareOptions,
): Promise<Built> {
  checkMarkup(page, name);
  const assets = new AssetStore();
  let source = storeLocalImages(page, assets, local);
  if (source.length > MAX_PAGE_CHARS) {
    throw new LecternError(
      'too-large',
      `${name} is a page of ${megabytes(source.length)} of markup, more than the ${megabytes(MAX_PAGE_CHARS)} Lectern reads as one page. Nothing was saved.`,
    );
  }
  // A fetched page's relative links resolve against where it was fetched from.
  if (options.fetchedFrom && !/<base\s[^>]*href/i.test(source.slice(0, 4096))) {
    source = `<base href="${options.fetchedFrom.replace(/"/g, '%22')}">${source}`;
  }
  const extracted = extractHtml(source, name);
  // The lead image the page names is kept when its bytes came with the page
  // (an MHTML part); a web address alone is not fetched for it.
  const leadBytes = extracted.leadImage ? local(extracted.leadImage) : null;
  return {
    leadImage: leadBytes ? assets.add(leadBytes) : null,
    fields: {
      title: extracted.title,
      byline: extracted.byline,
      siteName: extracted.siteName ?? siteOf(extracted.url ?? options.fetchedFrom ?? null),
      url: extracted.url ?? options.fetchedFrom ?? null,
      published: extracted.published,
      lang: extracted.lang,
      excerpt: extracted.excerpt ?? '',
      wordCount: 0,
    },
    html: await finishImages(extracted.contentHtml, assets, options.fetchImage),
    assets,
  };
}

async function fromMhtml(file: FileInput, options: PrepareOptions): Promise<Built> {
  const { page, resources } = parseMhtml(file.bytes, file.name);
  const pageUrl = page.location;
  const notices: string[] = [];
  const html = decodeHtml(page.body, file.name, page.charset, notices);
  const local: LocalImage = (src) => {
    if (!pageUrl || src.startsWith('cid:')) return resources.get(src)?.body ?? null;
    try {
      return resources.get(new URL(src, pageUrl).href)?.body ?? null;
    } catch {
      return null;
    }
  };
  const built = await fromPage(html, file.name, local, options);
  built.fields.url ??= pageUrl && /^https?:/i.test(pageUrl) ? pageUrl : null;
  built.fields.siteName ??= siteOf(built.fields.url);
  return { ...built, notices };
}

function textFields(title: string, url: string | null, extra: Partial<Fields> = {}): Fields {
  return {
    title,
    byline: null,
    siteName: siteOf(url),
    url,
    published: null,
    lang: null,
    excerpt: '',
    wordCount: 0,
    ...extra,
  };
}

/** The address a link file (.url, .webloc, .desktop) points to, or null when the file is not one. */
export function linkFileTarget(file: FileInput): string | null {
  if (file.bytes.byteLength === 0 || file.bytes.byteLength > 64 * 1024) return null;
  try {
    if (detectKind(file.bytes, file.name, file.type) !== 'link') return null;
  } catch {
    return null;
  }
  return readLinkFile(file.bytes, file.name, extensionOf(file.name));
}

/**
 * The article in a file, or a LecternError naming the file and saying why
 * not. A parser that throws on a malformed file (a stack overflow, an
 * exception from deep inside a library) fails that file with a sentence,
 * not a generic internal error: the fault is the file's shape, and the
 * person needs to know which file it was. The details go to the log.
 */
export async function prepareFile(file: FileInput, options: PrepareOptions = {}): Promise<NewArticle> {
  try {
    return await prepareKind(file, options);
  } catch (error) {
    if (error instanceof LecternError) throw error;
    logUnexpected(error);
    throw new LecternError(
      'extraction-failed',
      `${file.name} could not be read: its contents are damaged or shaped in a way Lectern does not follow. Nothing was saved.`,
    );
  }
}

async function prepareKind(file: FileInput, options: PrepareOptions): Promise<NewArticle> {
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) throw fileTooLarge(file.name, file.bytes.byteLength);
  const kind = detectKind(file.bytes, file.name, file.type);
  switch (kind) {
    case 'html': {
      const notices: string[] = [];
      const page = decodeHtml(file.bytes, file.name, null, notices);
      const local = options.localImage ?? relatedResolver(options.related);
      return finish('html', file, { ...(await fromPage(page, file.name, local, options)), notices }, 'html');
    }
    case 'mhtml':
      return finish('mhtml', file, await fromMhtml(file, options), 'mhtml');
    case 'markdown': {
      const rendered = renderMarkdown(decodeText(file.bytes, file.name));
      const assets = new AssetStore();
      const html = await finishImages(
        storeLocalImages(rendered.html, assets, relatedResolver(options.related)),
        assets,
        options.fetchImage,
      );
      const fields = textFields(rendered.title ?? baseName(file.name), options.fetchedFrom ?? null, {
        byline: rendered.byline,
        published: rendered.published,
        lang: rendered.lang,
      });
      return finish('markdown', file, { fields, html, assets }, 'md');
    }
    case 'pdf': {
      const pdf = await readPdf(file.bytes, file.name);
      const fields = textFields(pdf.title, options.fetchedFrom ?? null, {
        byline: pdf.byline,
        published: pdf.published,
      });
      return finish('pdf', file, { fields, html: pdf.html, assets: new AssetStore() }, 'pdf');
    }
    case 'epub': {
      const assets = new AssetStore();
      const book = await readEpub(file.bytes, file.name, assets);
      const fields = textFields(book.title, null, {
        byline: book.byline,
        lang: book.lang,
        published: book.published,
      });
      return finish(
        'epub',
        file,
        { fields, html: await finishImages(book.contentHtml, assets), assets },
        'epub',
      );
    }
    case 'link':
      throw new LecternError(
        'invalid-argument',
        `${file.name} is a link; it is imported by fetching its address.`,
      );
    case 'text': {
      const article = textToArticle(decodeText(file.bytes, file.name), baseName(file.name));
      return textArticle(article, file.name, file.bytes, options.fetchedFrom ?? null);
    }
  }
}

function textArticle(
  article: ReturnType<typeof textToArticle>,
  name: string | null,
  bytes: Uint8Array,
  url: string | null,
  title?: string,
): NewArticle {
  return {
    fields: {
      ...textFields(title?.trim() || article.title, url),
      byline: article.byline,
      published: article.published,
      excerpt: excerptOf(article.text),
      wordCount: countWords(article.text),
    },
    html: article.html,
    assets: [],
    source: { kind: 'text', name, sha256: sha256(bytes) },
    original: { bytes, extension: name ? originalExtension(name, 'txt') : 'txt' },
  };
}

/**
 * A clip: plain text, or the HTML of a selection dragged or pasted from a
 * browser (kept with its structure; images from data: URIs, and from the web
 * when a fetcher is given).
 */
export async function prepareText(input: TextInput, options: PrepareOptions = {}): Promise<NewArticle> {
  const bytes = new TextEncoder().encode(input.html ?? input.text);
  detectKind(new TextEncoder().encode(input.text || (input.html ?? '')), 'The clip', 'text/plain');
  const url = input.url ?? null;
  if (input.html?.trim()) {
    const assets = new AssetStore();
    const html = await finishImages(
      storeLocalImages(input.html, assets, options.localImage),
      assets,
      options.fetchImage,
    );
    const plain = textToArticle(input.text, 'Untitled clip');
    const file: FileInput = { name: 'clip.html', type: 'text/html', bytes };
    const article = await finish(
      'clip',
      file,
      { fields: textFields(input.title?.trim() || plain.title, url), html, assets },
      'html',
    );
    return { ...article, source: { ...article.source, name: null } };
  }
  return textArticle(textToArticle(input.text, 'Untitled clip'), null, bytes, url, input.title);
}
