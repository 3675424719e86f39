/**
 * A page's own description of itself, read from the whole document before
 * Readability prunes it: JSON-LD, Open Graph and other meta tags, <time>
 * elements and the dates printed near the byline. Readability reads some of
 * these too, but only the first it finds and never <time> or a printed date;
 * the importer prefers what Readability found and falls back on these.
 *
 * Dates printed without a time ("June 3, 2022") become midnight UTC of that
 * day, so an article's date never shifts with the machine's time zone.
 */

export interface PageMetadata {
  title: string | null;
  /** JSON-LD headline: the title as the article gives it, without the site's name. */
  headline: string | null;
  byline: string | null;
  siteName: string | null;
  /** Canonical address: link[rel=canonical], og:url, JSON-LD url. */
  url: string | null;
  /** ISO 8601. */
  published: string | null;
  lang: string | null;
  /** Absolute http(s) address of the image that stands for the article. */
  leadImage: string | null;
  excerpt: string | null;
}

type JsonObject = Record<string, unknown>;

export function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

export function absoluteHttpUrl(value: string | null | undefined, base?: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function utcDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day ? date.toISOString() : null;
}

const MONTH_NAME = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

/**
 * A date as pages print it: ISO 8601 with or without a time, "June 3, 2022",
 * "3 June 2022", "Jun. 3 2022" or "06/03/2022" (month first, as US sites write it).
 */
export function parseDate(value: string | null | undefined): string | null {
  const text = clean(value);
  if (!text) return null;
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      text,
    );
  if (iso) {
    if (!iso[4]) return utcDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    const zone = iso[7] ?? 'Z';
    const time = Date.parse(
      `${iso[1]}-${iso[2]}-${iso[3]}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`,
    );
    return Number.isNaN(time) ? null : new Date(time).toISOString();
  }
  if (/\d{1,2}:\d{2}/.test(text) && /\b(?:GMT|UTC)\b|[+-]\d{2}:?\d{2}\s*$/.test(text)) {
    const time = Date.parse(text);
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  const lower = text.toLowerCase();
  const monthFirst = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`).exec(
    lower,
  );
  if (monthFirst) {
    return utcDay(
      Number(monthFirst[3]),
      MONTHS.indexOf(monthFirst[1]!.slice(0, 3)) + 1,
      Number(monthFirst[2]),
    );
  }
  const dayFirst = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+(\\d{4})\\b`).exec(lower);
  if (dayFirst) {
    return utcDay(Number(dayFirst[3]), MONTHS.indexOf(dayFirst[2]!.slice(0, 3)) + 1, Number(dayFirst[1]));
  }
  const slashed = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(lower);
  if (slashed) return utcDay(Number(slashed[3]), Number(slashed[1]), Number(slashed[2]));
  const dashed = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(lower);
  return dashed ? utcDay(Number(dashed[1]), Number(dashed[2]), Number(dashed[3])) : null;
}

/** Every object in the page's JSON-LD blocks, @graph members included; broken blocks are skipped. */
function jsonLdObjects(document: Document): JsonObject[] {
  const objects: JsonObject[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      objects.push(value as JsonObject);
      visit((value as JsonObject)['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A malformed block says nothing; the meta tags may still.
    }
  }
  return objects;
}

const ARTICLE_TYPE = /Article|BlogPosting|Report|NewsArticle|WebPage|CreativeWork/;

function types(object: JsonObject): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** The JSON-LD object that describes the article itself, when there is one. */
function jsonLdArticle(objects: JsonObject[]): JsonObject | null {
  const articles = objects.filter((object) => types(object).some((type) => ARTICLE_TYPE.test(type)));
  return (
    articles.find((object) => types(object).some((type) => /Article|BlogPosting|Report/.test(type))) ??
    articles[0] ??
    null
  );
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object') return text((value as JsonObject)['name']);
  return null;
}

function imageUrl(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return imageUrl(value[0]);
  if (value && typeof value === 'object') {
    const object = value as JsonObject;
    return imageUrl(object['url'] ?? object['contentUrl']);
  }
  return null;
}

function names(value: unknown): string | null {
  const list = (Array.isArray(value) ? value : [value]).map(text).filter((name): name is string => !!name);
  return list.length > 0 ? list.join(', ') : null;
}

/** Every <meta>'s content by lower-cased property and name, the first of each in document order. */
interface MetaTags {
  property: Map<string, string | null>;
  name: Map<string, string | null>;
}

/** One walk over the page's <meta> tags, rather than two selector queries for each key looked up. */
function metaTags(document: Document): MetaTags {
  const tags: MetaTags = { property: new Map(), name: new Map() };
  for (const element of document.getElementsByTagName('meta')) {
    const content = element.getAttribute('content');
    for (const attribute of ['property', 'name'] as const) {
      const key = element.getAttribute(attribute)?.toLowerCase();
      if (key !== undefined && !tags[attribute].has(key)) tags[attribute].set(key, content);
    }
  }
  return tags;
}

function meta(tags: MetaTags, ...keys: string[]): string | null {
  for (const key of keys.map((k) => k.toLowerCase())) {
    const value = clean(tags.property.has(key) ? tags.property.get(key) : tags.name.get(key));
    if (value) return value;
  }
  return null;
}

const BYLINE_AREA = /byline|dateline|date|posted|publish|author|article-info|timestamp/i;

/**
 * Where a date is the article's, not one its text mentions: reference lists,
 * citations, tables (a wiki's infobox) and lists of other articles hold dates
 * of other things.
 */
const NOT_THE_ARTICLES =
  'cite, li, table, aside, nav, footer, sup, blockquote, [class*="reference" i], [class*="citation" i]';

/** Dates from <time> elements: the marked-up publication date, else one in the article's header or byline area. */
function timeDate(document: Document): string | null {
  const marked = document.querySelector(
    'time[pubdate], time[itemprop~="datePublished" i], [itemprop~="datePublished" i][datetime], [itemprop~="datePublished" i][content]',
  );
  const markedDate =
    parseDate(marked?.getAttribute('datetime')) ??
    parseDate(marked?.getAttribute('content')) ??
    parseDate(marked?.textContent);
  if (markedDate) return markedDate;
  for (const time of document.querySelectorAll('time')) {
    if (
      time.closest(NOT_THE_ARTICLES) ||
      !(time.closest('header') || bylineArea(time) || inArticleHead(time))
    )
      continue;
    const date = parseDate(time.getAttribute('datetime')) ?? parseDate(time.textContent);
    if (date) return date;
  }
  return null;
}

/** Whether a <time> stands at the head of an <article> or <main>, before its text has begun. */
function inArticleHead(time: Element): boolean {
  const container = time.closest('article, main');
  if (!container) return false;
  let before = 0;
  for (const element of container.querySelectorAll('p, time')) {
    if (element === time) return true;
    if (element.tagName === 'P') before += (element.textContent ?? '').length;
    if (before > 200) return false;
  }
  return false;
}

function bylineArea(element: Element): boolean {
  for (let node: Element | null = element, depth = 0; node && depth < 4; node = node.parentElement, depth++) {
    if (BYLINE_AREA.test(`${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`)) return true;
  }
  return false;
}

/**
 * A date line printed in the byline area: a short element whose class or id
 * says it holds the byline or the date, outside references and lists, whose
 * text is mostly the date. Never a date from the article's sentences.
 */
function printedDate(document: Document): string | null {
  for (const element of document.querySelectorAll('[class], [id]')) {
    if (!BYLINE_AREA.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`))
      continue;
    const content = clean(element.textContent) ?? '';
    if (content.length > 120 || element.closest(NOT_THE_ARTICLES)) continue;
    const date = parseDate(content);
    if (date) return date;
  }
  return null;
}

function language(document: Document, tags: MetaTags, article: JsonObject | null): string | null {
  const raw =
    clean(document.documentElement?.getAttribute('lang')) ??
    clean(document.documentElement?.getAttribute('xml:lang')) ??
    meta(tags, 'og:locale', 'content-language', 'language', 'dc.language') ??
    clean(document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')) ??
    text(article?.['inLanguage']);
  const tag = raw?.split(',')[0]?.trim().replace(/_/g, '-');
  return tag && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag) ? tag : null;
}

/** The page's own address: canonical link, then og:url. */
export function canonicalUrl(
  document: Document,
  base: string | null,
  tags = metaTags(document),
): string | null {
  return (
    absoluteHttpUrl(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'), base) ??
    absoluteHttpUrl(meta(tags, 'og:url'), base)
  );
}

/** What the page says about itself; `base` resolves relative addresses. */
export function readMetadata(document: Document, base: string | null): PageMetadata {
  const tags = metaTags(document);
  const objects = jsonLdObjects(document);
  const article = jsonLdArticle(objects);
  const url =
    canonicalUrl(document, base, tags) ??
    absoluteHttpUrl(typeof article?.['url'] === 'string' ? article['url'] : null, base);
  const publisher = article?.['publisher'];
  return {
    title:
      meta(tags, 'og:title', 'twitter:title', 'dc.title') ??
      text(article?.['headline']) ??
      clean(document.querySelector('title')?.textContent),
    headline: text(article?.['headline']),
    byline:
      names(article?.['author']) ??
      meta(tags, 'author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author'),
    siteName: meta(tags, 'og:site_name', 'application-name') ?? text(publisher),
    url,
    published:
      parseDate(text(article?.['datePublished'])) ??
      parseDate(
        meta(
          tags,
          'article:published_time',
          'og:published_time',
          'datePublished',
          'date',
          'pubdate',
          'publishdate',
          'publish-date',
          'dc.date',
          'dc.date.issued',
          'dcterms.created',
          'sailthru.date',
          'parsely-pub-date',
        ),
      ) ??
      timeDate(document) ??
      printedDate(document),
    lang: language(document, tags, article),
    leadImage:
      absoluteHttpUrl(meta(tags, 'og:image', 'og:image:url', 'og:image:secure_url'), base) ??
      absoluteHttpUrl(meta(tags, 'twitter:image', 'twitter:image:src'), base) ??
      absoluteHttpUrl(imageUrl(article?.['image']) ?? imageUrl(article?.['thumbnailUrl']), base) ??
      absoluteHttpUrl(document.querySelector('link[rel~="image_src" i]')?.getAttribute('href'), base),
    excerpt:
      meta(tags, 'description', 'og:description', 'twitter:description') ?? text(article?.['description']),
  };
}
