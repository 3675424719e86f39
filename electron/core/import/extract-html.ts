/**
 * Pulls the article out of a web page: Mozilla Readability over linkedom
 * (about six times faster than jsdom for the same text), with the page's
 * address worked out first, because linkedom has no document URL and
 * Readability would otherwise leave every relative link dangling.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { LecternError } from '../../shared/errors';

export interface ExtractedPage {
  title: string;
  byline: string | null;
  siteName: string | null;
  url: string | null;
  published: string | null;
  lang: string | null;
  /** The page's own summary (meta description) or its first paragraph, when found. */
  excerpt: string | null;
  /** Unsanitized article HTML: always pass it through sanitizeHtml. */
  contentHtml: string;
}

function absoluteHttpUrl(value: string | null | undefined, base?: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The page's own address: canonical link, then og:url. */
function pageUrl(document: Document): string | null {
  return (
    absoluteHttpUrl(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href')) ??
    absoluteHttpUrl(document.querySelector('meta[property="og:url"]')?.getAttribute('content'))
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

function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

/** Readability's result, or null when it finds no article or fails on odd markup. */
function readableArticle(document: Document) {
  try {
    return new Readability(document, { classesToPreserve: [] }).parse();
  } catch {
    return null;
  }
}

export function extractHtml(html: string, name: string): ExtractedPage {
  const { document } = parseHTML(html) as unknown as { document: Document };
  const url = pageUrl(document);
  const base =
    absoluteHttpUrl(document.querySelector('base[href]')?.getAttribute('href'), url ?? undefined) ?? url;
  if (base) resolveRelativeUrls(document, base);
  const lang = clean(document.documentElement?.getAttribute('lang'));
  const fallbackTitle = clean(document.querySelector('title')?.textContent);
  const bodyHtml = document.body?.innerHTML ?? '';

  const article = readableArticle(document);
  const contentHtml = article?.content ?? bodyHtml;
  if (!contentHtml.trim()) {
    throw new LecternError('extraction-failed', `${name} has no text that Lectern could find to read.`);
  }
  return {
    title: clean(article?.title) ?? fallbackTitle ?? name.replace(/\.[^.]+$/, ''),
    byline: clean(article?.byline),
    siteName: clean(article?.siteName),
    url,
    published: isoDate(article?.publishedTime),
    lang: clean(article?.lang) ?? lang,
    excerpt: clean(article?.excerpt),
    contentHtml,
  };
}
