/**
 * The article's own title, without the site's or the author's name that
 * pages append to it ("… | Eleanor Ainge Roy", "… - Los Angeles Times",
 * "Mozilla - Wikipedia"). A part after a separator is removed only when it
 * is a name the page gives elsewhere (its site name, its byline, its
 * address's domain) or the JSON-LD headline is the title without it, so a
 * title whose own words contain a dash ("Xbox One X review - a console")
 * keeps them.
 */

export interface TitleContext {
  siteName: string | null;
  byline: string | null;
  /** The page's address: its domain ("en.wikipedia.org" → "wikipedia") is a name too. */
  url: string | null;
  /** JSON-LD headline, which pages give without the suffix. */
  headline: string | null;
}

const SEPARATOR_SOURCE = String.raw`\s+(?:[|\-–—:·•»~/]|::)\s+|\s*[|·•»]\s*`;
const SEPARATOR = new RegExp(SEPARATOR_SOURCE, 'g');
const LEADING_SEPARATOR = new RegExp(`^(?:${SEPARATOR_SOURCE})`);

const squeezed = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function domainName(url: string | null): string | null {
  if (!url) return null;
  try {
    const labels = new URL(url).hostname.replace(/^www\./, '').split('.');
    return labels.length >= 2 ? labels[labels.length - 2]! : null;
  } catch {
    return null;
  }
}

/** A name as titles print it: letters and digits only, without a leading "The" or a domain ending ("Factorio.com"). */
const nameKey = (name: string) =>
  squeezed(
    name
      .trim()
      .replace(/^the\s+/i, '')
      .replace(/\.(?:com|org|net|io|co|co\.uk|de|fr|info)$/i, ''),
  );

/** The names a title may end with, as keys. */
function names(context: TitleContext): Set<string> {
  const list = [context.siteName, domainName(context.url)];
  for (const author of (context.byline ?? '').replace(/^by\s+/i, '').split(/,\s*|\s+and\s+/))
    list.push(author);
  return new Set(list.map((name) => nameKey(name ?? '')).filter((name) => name.length >= 2));
}

const isName = (part: string, known: Set<string>) => known.has(nameKey(part));

/** The title split at its separators: the words and, between them, the separators. */
function parts(title: string): { words: string[]; separators: string[] } {
  return { words: title.split(SEPARATOR), separators: title.match(SEPARATOR) ?? [] };
}

export function articleTitle(title: string, context: TitleContext): string {
  // A page whose title is its site's name has nothing else to call the article.
  if (context.siteName && nameKey(title) === nameKey(context.siteName)) return title;
  const headline = context.headline?.replace(/\s+/g, ' ').trim();
  if (headline && title.startsWith(headline) && LEADING_SEPARATOR.test(title.slice(headline.length))) {
    return headline;
  }
  const known = names(context);
  let { words, separators } = parts(title);
  // At most two names at the end ("… - John C. Welch - Medium"), then one at the start ("Site | …").
  for (let i = 0; i < 2 && words.length > 1 && isName(words.at(-1)!, known); i++) {
    words = words.slice(0, -1);
    separators = separators.slice(0, -1);
  }
  if (words.length > 1 && isName(words[0]!, known)) {
    words = words.slice(1);
    separators = separators.slice(1);
  }
  return (
    words
      .map((word, i) => word + (separators[i] ?? ''))
      .join('')
      .trim() || title
  );
}
