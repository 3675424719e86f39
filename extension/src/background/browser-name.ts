/**
 * The browser's name as the person knows it, for Lectern's pairing question
 * ("Allow Edge … to save pages to your library?"). Chromium browsers all say
 * "Chrome" in their user agent; the ones that mark themselves are told
 * apart, most specific first.
 */
export interface BrowserHints {
  userAgent: string;
  /** navigator.userAgentData.brands, where the browser has it. */
  brands?: readonly string[];
  /** Brave hides its name from the user agent but keeps navigator.brave. */
  isBrave?: boolean;
}

const MARKS: readonly [RegExp, string][] = [
  [/Firefox\//, 'Firefox'],
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Vivaldi\//, 'Vivaldi'],
  [/YaBrowser\//, 'Yandex Browser'],
];

export function browserName(hints: BrowserHints): string {
  if (hints.isBrave) return 'Brave';
  for (const [mark, name] of MARKS) if (mark.test(hints.userAgent)) return name;
  const brands = hints.brands ?? [];
  if (brands.includes('Google Chrome')) return 'Chrome';
  if (brands.includes('Chromium') || /HeadlessChrome\//.test(hints.userAgent)) return 'Chromium';
  return /Chrome\//.test(hints.userAgent) ? 'Chrome' : 'a browser';
}
