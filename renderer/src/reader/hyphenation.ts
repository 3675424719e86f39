/**
 * Whether the engine can hyphenate a language. Justified text needs
 * hyphenation: without it a narrow measure opens rivers of space between
 * words. The reader asks for it with CSS (`hyphens: auto` under the article's
 * `lang`), but Chromium ships hyphenation dictionaries only on some systems
 * (macOS and Android, not Linux or Windows), where `hyphens: auto` quietly does
 * nothing. Hyphenating in script instead would put soft hyphens into the text,
 * and the text is what highlights, find and copy count in. So justification is
 * offered only where the engine itself hyphenates the language; elsewhere the
 * text stays ragged-right. The answer is measured once per language: a long
 * word in a box narrower than it takes more lines with `hyphens: auto` than
 * without only if the engine has patterns for the language.
 */

const known = new Map<string, boolean>();
const PROBE_TEXT = 'incomprehensibilities internationalization';

/**
 * The language `node`'s text is in, as a tag the engine knows: the nearest
 * `lang` (the article's, from its page), else the window's. Pages often give
 * a locale (`en_US`, from og:locale), which the engine would not hyphenate.
 */
export function languageOf(node: Element | null): string {
  const lang = node?.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
  return lang.trim().replaceAll('_', '-');
}

/** Whether text in `lang` is hyphenated by the engine (measured on the page once per language). */
export function hyphenates(lang: string): boolean {
  const key = lang.toLowerCase();
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const heightWith = (hyphens: string) => {
    const probe = document.createElement('div');
    probe.lang = key;
    probe.textContent = PROBE_TEXT;
    probe.style.cssText = `position:absolute;visibility:hidden;width:5ch;font:16px serif;hyphens:${hyphens}`;
    document.body.append(probe);
    const height = probe.getBoundingClientRect().height;
    probe.remove();
    return height;
  };
  const answer = heightWith('auto') > heightWith('manual');
  known.set(key, answer);
  return answer;
}

/** The language's name for a person, e.g. "English" for "en-GB"; the code itself when unknown. */
export function languageName(lang: string): string {
  try {
    return (
      new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' }).of(lang.split('-')[0] ?? lang) ??
      lang
    );
  } catch {
    return lang;
  }
}
