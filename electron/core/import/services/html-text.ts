/**
 * Text out of the bits of HTML that exports carry in attributes and link
 * labels: entities decoded, tags dropped. A full parser would be heavier
 * and, for a bookmark file nested thousands deep, would recurse; these
 * exports need only the text.
 */

import { decodeEntities } from '../../../shared/html-entities';

/** The text of an HTML fragment, tags removed and spaces collapsed. */
export function htmlText(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The attributes of one start tag's inside, names lowercased, values decoded. */
export function htmlAttributes(inside: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of inside.matchAll(/([\w:-]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g))
    attributes[match[1]!.toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  return attributes;
}
