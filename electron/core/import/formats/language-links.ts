/**
 * Rows of links to the article itself in other languages or scripts
 * ("English · Español", "ひらがな ←→ 日本語・英語 ←→ English"), which a
 * page sets under a story's title. Such a row is short and all links to the
 * page's own site, so link density alone reads it as a menu; but it is about
 * this article, not a way to another one: it tells the reader the text also
 * exists in their language, and leads there. Inside the article it is kept,
 * as Readability keeps it.
 *
 * A link is to a translation when it says so (hreflang), or when its words
 * are only names of languages or of the scripts a text is rewritten in.
 * The names come from the runtime's own locale data (Intl.DisplayNames),
 * each language named in each of the common languages, so only codes are
 * listed here and "英語" counts as well as "English"; the table is built on
 * the first row it is asked about (some 20 ms, once), as most pages never
 * need it. A row counts only when every link in it is such a link: a site
 * menu with a language among its entries ("News · Sport · English") is
 * still a menu.
 */

/** The languages whose names are known, each also used to name the others. */
const LANGUAGES =
  'ar bn cs da de el en es fa fi fr he hi hu id it ja ko ms nl no pl pt ro ru sr sv sw ta th tl tr uk ur vi zh zh-Hans zh-Hant'.split(
    ' ',
  );

/**
 * Scripts a page offers the same text in (kana for young readers, simplified
 * or traditional characters, Latin or Cyrillic letters); not scripts that
 * only stand for a language, whose short names ("Han", "Thai") are also
 * people's and places' names.
 */
const SCRIPTS = ['Hira', 'Kana', 'Hans', 'Hant', 'Latn', 'Cyrl'];

/** Fewest translation links that make a row of them. */
const MIN_LINKS = 2;

/** Between two names in one link ("日本語・英語", "English / French"). */
const JOINER = /\s*[・･/|,&+·]\s*/u;

const folded = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase();

let names: Set<string> | null = null;

/** Every known language and script named in every known language, built on first use. */
function languageNames(): Set<string> {
  if (names) return names;
  names = new Set();
  for (const locale of LANGUAGES) {
    const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    const scripts = new Intl.DisplayNames([locale], { type: 'script', fallback: 'none' });
    for (const code of LANGUAGES) {
      const name = languages.of(code);
      if (name) names.add(folded(name));
    }
    for (const code of SCRIPTS) {
      const name = scripts.of(code);
      if (name) names.add(folded(name));
    }
  }
  return names;
}

/** Whether a link leads to a version of the text in another language or script. */
export function translationLink(link: Element): boolean {
  if (link.getAttribute('hreflang')?.trim()) return true;
  const text = folded(link.textContent ?? '');
  if (!text) return false;
  const known = languageNames();
  return text.split(JOINER).every((part) => known.has(part));
}

/** Whether a block's links are a row of the article's translations. */
export function translationRow(block: Element): boolean {
  const links = [...block.querySelectorAll('a')];
  return links.length >= MIN_LINKS && links.every(translationLink);
}
