/**
 * Which links are navigation: links to other pages of the page's own site
 * ("More stories", a section menu, a list of the site's other articles).
 * A link to another site is the article pointing at its sources or at what
 * it reviews or sells, and an in-page link is its own table of contents; both
 * belong to the article, so a block made of them is not dropped as a link
 * list. Readability's test pages and the labelled benchmark agree on this,
 * where link density alone removed an article's own list of links.
 *
 * The site is the host of the page's address; a page saved without one is
 * taken to belong to the host its links name most, as a site's menus and
 * lists link to itself far more than an article links out.
 */

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function hostOf(url: string | null | undefined): string | null {
  if (!url || !/^https?:/i.test(url)) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
}

/** Fewest links to one host for it to be taken as the page's own site when the page has no address. */
const MIN_SITE_LINKS = 3;

/** The page's own host: from its address, else the host its links name most (when clear), else null. */
export function siteHost(document: Document, url: string | null): string | null {
  const own = hostOf(url);
  if (own) return own;
  const counts = new Map<string, number>();
  for (const link of document.querySelectorAll('a[href]')) {
    const host = hostOf(link.getAttribute('href'));
    if (host) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  const [first, second] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return first && first[1] >= MIN_SITE_LINKS && first[1] > (second?.[1] ?? 0) ? first[0] : null;
}

/**
 * Link text that is itself an address ("www.example.com", "example.org/x",
 * "https://…"): a source named, not a menu entry. Bare names need a common
 * top-level domain, so "Node.js" stays a name.
 */
const ADDRESS_TEXT =
  /^(?:https?:\/\/|www\.)\S+$|^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|info|io)(?:\.[a-z]{2})?(?:\/\S*)?$/i;

/**
 * Whether a link leads to another page of the site `site` (relative links
 * always do), as a menu entry: a link that spells out its address is the
 * article citing a source, even on its own site.
 */
export function navigationLink(link: Element, site: string | null): boolean {
  const href = (link.getAttribute('href') ?? '').trim();
  if (href.startsWith('#') || ADDRESS_TEXT.test((link.textContent ?? '').trim())) return false;
  if (!SCHEME.test(href)) return true;
  const host = hostOf(href);
  if (!host || !site) return false;
  return host === site || host.endsWith(`.${site}`) || site.endsWith(`.${host}`);
}
