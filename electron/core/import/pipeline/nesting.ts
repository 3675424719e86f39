/**
 * A guard against pathologically deep markup. Tens of thousands of nested
 * elements make every DOM library here (parser, Readability, DOMPurify)
 * recurse or crawl for minutes; no article needs more than a few dozen
 * levels. One pass over the tags counts the depth before anything parses the
 * page. Elements that close themselves implicitly (p, li, td…) are not
 * counted, so sloppy but ordinary HTML never trips it.
 */
import { LecternError } from '../../../shared/errors';

export const MAX_NESTING = 1000;

const UNCOUNTED = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'td',
  'th',
  'tr',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'rb',
  'rt',
  'rp',
  'caption',
]);

const TAG = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;

export function checkNesting(html: string, name: string): void {
  let depth = 0;
  for (const match of html.matchAll(TAG)) {
    const tag = (match[2] as string).toLowerCase();
    if (UNCOUNTED.has(tag) || match[3]) continue;
    depth = match[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > MAX_NESTING) {
      throw new LecternError(
        'extraction-failed',
        `${name} nests its markup more than ${MAX_NESTING} levels deep, which no article needs; Lectern did not read it.`,
      );
    }
  }
}
