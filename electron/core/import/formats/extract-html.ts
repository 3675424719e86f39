/**
 * Pulls the article out of a web page: Mozilla Readability over linkedom
 * (about six times faster than jsdom for the same text), with the page's
 * address worked out first, because linkedom has no document URL and
 * Readability would otherwise leave every relative link dangling.
 *
 * Scripts, styles, inline SVG, templates and comments are cut from the
 * markup before it is parsed: on real pages they are half the bytes,
 * Readability and the sanitizer throw them away anyway, and parsing and
 * walking them was the slowest part of extraction. JSON-LD blocks stay,
 * because they carry the metadata (metadata.ts). <noscript> stays too:
 * Readability takes lazy-loaded images' real addresses from it. Sanitizing is
 * not this module's job: its output always goes through sanitizeHtml.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleMeta } from '../../../shared/article';
import { LecternError } from '../../../shared/errors';
import { bodyContainer } from './body-container';
import { personByline } from './byline';
import { cleanArticle } from './clean-article';
import { appendCommentSection, takeCommentSection } from './comment-section';
import { articleTitle } from './page-title';
import { ruleOn, type ExtractOptions } from './extraction-rules';
import { prunePage } from './prune-page';
import { squeezed } from './removal-guard';
import { markScreenReaderText, visuallyHiddenClasses } from './screen-reader-text';
import { siteHost } from './site-links';
import { absoluteHttpUrl, canonicalUrl, clean, parseDate, readMetadata } from './metadata';

/** What the page says about itself, in the article record's own fields where they mean the same. */
export interface ExtractedPage extends Pick<
  ArticleMeta,
  'title' | 'byline' | 'siteName' | 'url' | 'published' | 'lang'
> {
  /** The page's own summary (meta description) or its first paragraph, when found. */
  excerpt: string | null;
  /** Absolute http(s) address of the image that stands for the article, when there is one. */
  leadImage: string | null;
  /** Unsanitized article HTML: always pass it through sanitizeHtml. */
  contentHtml: string;
}

const INERT_MARKUP =
  /<script\b([^>]*)>[\s\S]*?<\/script\s*>|<(style|svg|template)\b[^>]*>[\s\S]*?<\/\2\s*>|<!--[\s\S]*?-->/gi;

/** The markup without scripts (JSON-LD excepted), styles, inline SVG, templates and comments. */
export function withoutInertMarkup(html: string): string {
  return html.replace(INERT_MARKUP, (match, scriptAttributes: string | undefined) =>
    scriptAttributes !== undefined && /application\/ld\+json/i.test(scriptAttributes) ? match : '',
  );
}

/** Rewrites relative href/src against the page's base so they survive extraction. */
function resolveRelativeUrls(document: Document, base: string): void {
  for (const element of document.querySelectorAll('a[href], img[src]')) {
    const attribute = element.tagName === 'A' ? 'href' : 'src';
    const value = element.getAttribute(attribute) ?? '';
    if (value.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(value)) continue;
    const resolved = absoluteHttpUrl(value, base);
    if (resolved) element.setAttribute(attribute, resolved);
  }
}

/** Readability's result, with the article as an element, or null when it finds no article or fails on odd markup. */
function readableArticle(document: Document) {
  try {
    return new Readability(document, { keepClasses: true, serializer: (node) => node as Element }).parse();
  } catch {
    return null;
  }
}

/** The markup of the container the page names as its article body, taken before Readability rewrites the page. */
const bodyContainerHtml = (document: Document) => bodyContainer(document)?.outerHTML ?? null;

const wordCount = (element: Element | null | undefined) =>
  (element?.textContent ?? '').match(/[\p{L}\p{N}_]+/gu)?.length ?? 0;

/** Words a paragraph needs before its loss counts as losing a standfirst, not a byline, date or share line. */
const LEAD_WORDS = 15;

/**
 * Whether the first run opens with a paragraph of prose that the container's
 * run lacks: a standfirst or lead set just before the body container, which
 * the page means as the article's first words. Only what comes before the
 * first block the two runs share counts: what follows the body (a "Related"
 * list, an author's note) is what the container is there to leave out.
 */
function dropsLead(first: Element, second: Element): boolean {
  const kept = squeezed(second.textContent);
  for (const block of first.querySelectorAll('p, div')) {
    if (block.querySelector('p, div')) continue;
    const text = squeezed(block.textContent);
    if (!text) continue;
    if (kept.includes(text)) return false;
    if (wordCount(block) >= LEAD_WORDS) return true;
  }
  return false;
}

/**
 * Readability again, on the named container alone, kept when it holds 80 %
 * or more of the first run's words (and not more: then the first run missed
 * nothing the container has) and no lead paragraph is lost: it leaves out
 * what Readability took from around the body (a standfirst repeated, a
 * "Related" block beside it). The page's title goes with the container, so Readability
 * tells a heading that repeats the title from one that differs from it, as
 * it did on the whole page.
 */
function bodyContainerArticle(containerHtml: string, title: string, first: Element): Element | null {
  const { document } = parseHTML(
    `<!doctype html><html><head><title></title></head><body>${containerHtml}</body></html>`,
  ) as unknown as {
    document: Document;
  };
  document.title = title;
  const second = readableArticle(document)?.content;
  const words = wordCount(second);
  const firstWords = wordCount(first);
  return second && words >= firstWords * 0.8 && words <= firstWords && !dropsLead(first, second)
    ? second
    : null;
}

/** The first picture in the article, when the page names no lead image itself. */
function firstContentImage(contentHtml: string): string | null {
  for (const match of contentHtml.matchAll(/<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const url = absoluteHttpUrl((match[1] ?? match[2])?.replace(/&amp;/g, '&'));
    if (url) return url;
  }
  return null;
}

/**
 * The page parsed without its inert markup, its screen-reader-only text
 * marked (screen-reader-text.ts) from the styles that parsing leaves out.
 */
function parsedPage(html: string, options: ExtractOptions): Document {
  const { document } = parseHTML(withoutInertMarkup(html)) as unknown as { document: Document };
  if (ruleOn(options, 'screen-reader-text')) markScreenReaderText(document, visuallyHiddenClasses(html));
  return document;
}

/** The whole body, links resolved, for a page where Readability finds no article. */
function fallbackBody(html: string, base: string | null, options: ExtractOptions): string {
  const document = parsedPage(html, options);
  if (base) resolveRelativeUrls(document, base);
  return document.body?.innerHTML ?? '';
}

export function extractHtml(html: string, name: string, options: ExtractOptions = {}): ExtractedPage {
  const document = parsedPage(html, options);
  const canonical = canonicalUrl(document, null);
  const base =
    absoluteHttpUrl(document.querySelector('base[href]')?.getAttribute('href'), canonical) ?? canonical;
  const metadata = readMetadata(document, base);
  if (base) resolveRelativeUrls(document, base);
  const site = siteHost(document, metadata.url ?? base);
  const comments = ruleOn(options, 'reader-comments') ? takeCommentSection(document) : null;
  prunePage(document, options);
  const containerHtml = ruleOn(options, 'body-container') ? bodyContainerHtml(document) : null;
  const pageTitle = document.title;
  const article = readableArticle(document);
  const byline = personByline(article?.byline) ?? personByline(metadata.byline);
  const siteName = clean(article?.siteName) ?? metadata.siteName;
  const title = articleTitle(clean(article?.title) ?? metadata.title ?? name.replace(/\.[^.]+$/, ''), {
    siteName,
    byline,
    url: metadata.url ?? base,
    headline: metadata.headline,
  });
  let content = article?.content ?? null;
  if (content && containerHtml) content = bodyContainerArticle(containerHtml, pageTitle, content) ?? content;
  if (content) cleanArticle(content, { title, byline, site }, options);
  if (content && comments) appendCommentSection(content, comments);
  // Readability rewrites the document as it works, so when it finds nothing
  // the page's body is taken from a fresh parse: rare, and cheaper than
  // serializing every page's body beforehand just in case.
  const contentHtml = content?.innerHTML ?? fallbackBody(html, base, options);
  if (!contentHtml.trim()) {
    throw new LecternError('extraction-failed', `${name} has no text that Lectern could find to read.`);
  }
  return {
    title,
    byline,
    siteName,
    url: metadata.url,
    published: parseDate(article?.publishedTime) ?? metadata.published,
    lang: clean(article?.lang) ?? metadata.lang,
    // The page's own description only: Readability's fallback, its first
    // paragraph, is taken before the cleaning and can be a byline line, so the
    // import takes the excerpt from the cleaned text instead.
    excerpt: metadata.excerpt,
    leadImage: metadata.leadImage ?? firstContentImage(contentHtml),
    contentHtml,
  };
}
