/**
 * One spelling per web address, so the same article dropped twice is found
 * twice: scheme and host lower-cased, default ports, fragments and utm_*
 * tracking parameters dropped, a trailing slash on the path ignored. It does
 * not guess further (www., http versus https, other parameters): two different
 * pages must never be taken for one, while a missed duplicate costs one click.
 */

/** The address in its comparable form, or null when it is not an http(s) URL. */
export function normalizeUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (key.toLowerCase().startsWith('utm_')) url.searchParams.delete(key);
  }
  url.searchParams.sort();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.slice(0, -1);
  return url.href.replace(/\?$/, '');
}

/** The input as an http(s) URL, when it is exactly one (a pasted or dropped link). */
export function asWebUrl(text: string): string | null {
  const trimmed = text.trim();
  if (!/^https?:\/\/\S+$/i.test(trimmed)) return null;
  try {
    return new URL(trimmed).href;
  } catch {
    return null;
  }
}
