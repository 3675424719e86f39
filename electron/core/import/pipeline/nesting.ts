/**
 * A guard against markup built to make the DOM libraries crawl. Tens of
 * thousands of nested elements make every DOM library here (parser,
 * Readability, DOMPurify) recurse or crawl for minutes, and so does an
 * element with a crowd of attributes; no article needs more than a few dozen
 * levels or attributes. One pass over the tags, before anything parses the
 * page, counts the depth and the attributes (limits in shared/limits.ts):
 * over any limit, the file is refused with a sentence saying which.
 *
 * The scanner is a hand-written loop that only moves forward (each
 * character is looked at once, searches resume where the last one ended),
 * so its time is linear in the page whatever the page holds: a regular
 * expression over tags backtracks, and `<a` followed by a megabyte of
 * letters took it minutes. It reads tags as HTML does: `<div/>` is not
 * self-closing in HTML (the slash is ignored on any element that is not
 * void), so it opens a level, unless it sits inside SVG or MathML, where
 * the slash closes it. Elements that close themselves implicitly (p, li,
 * td…) are not counted, so sloppy but ordinary HTML never trips it; the text
 * of script, style, textarea and title is skipped, and so are comments.
 */
import { LecternError } from '../../../shared/errors';
import { MAX_ATTRIBUTES, MAX_ATTRIBUTES_PER_ELEMENT, MAX_NESTING } from '../../../shared/limits';

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

/** Elements whose content is text up to their end tag, never markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const RAW_TEXT_END = new Map([...RAW_TEXT].map((tag) => [tag, new RegExp(`</${tag}`, 'gi')]));

/** Elements inside which `/>` closes a tag, as in XML. */
const FOREIGN = new Set(['svg', 'math']);

/** HTML's whitespace inside a tag: space, tab, line feed, form feed, carriage return. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

const GT = 62;
const SLASH = 47;
const EQUALS = 61;

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attributes: number;
  /** Where scanning resumes. */
  end: number;
}

/** Reads the tag whose name starts at `start` (just past `<` or `</`), attribute by attribute. */
function readTag(html: string, start: number, closing: boolean): Tag {
  const length = html.length;
  let at = start;
  while (at < length) {
    const code = html.charCodeAt(at);
    if (isSpace(code) || code === SLASH || code === GT) break;
    at++;
  }
  const tag: Tag = {
    name: html.slice(start, at).toLowerCase(),
    closing,
    selfClosing: false,
    attributes: 0,
    end: length,
  };
  while (at < length) {
    const code = html.charCodeAt(at);
    if (isSpace(code)) {
      at++;
    } else if (code === GT) {
      tag.end = at + 1;
      return tag;
    } else if (code === SLASH) {
      at++;
      if (html.charCodeAt(at) === GT) {
        tag.selfClosing = true;
        tag.end = at + 1;
        return tag;
      }
    } else {
      // An attribute: its name (which may begin with "="), then an optional value.
      tag.attributes++;
      at++;
      while (at < length) {
        const next = html.charCodeAt(at);
        if (isSpace(next) || next === SLASH || next === GT || next === EQUALS) break;
        at++;
      }
      while (at < length && isSpace(html.charCodeAt(at))) at++;
      if (html.charCodeAt(at) !== EQUALS) continue;
      at++;
      while (at < length && isSpace(html.charCodeAt(at))) at++;
      const quote = html[at];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, at + 1);
        at = close < 0 ? length : close + 1;
      } else {
        while (at < length && !isSpace(html.charCodeAt(at)) && html.charCodeAt(at) !== GT) at++;
      }
    }
  }
  return tag;
}

/** Where the raw text of a script, style, textarea or title ends: its end tag, or the end of the page. */
function rawTextEnd(html: string, tag: string, from: number): number {
  const end = RAW_TEXT_END.get(tag) as RegExp;
  end.lastIndex = from;
  return end.exec(html)?.index ?? html.length;
}

function refuse(name: string, why: string): LecternError {
  return new LecternError(
    'extraction-failed',
    `${name} ${why}, which no article needs; Lectern did not read it.`,
  );
}

/** Refuses markup nested deeper than MAX_NESTING, or with more attributes than the limits allow. */
export function checkMarkup(html: string, name: string): void {
  let depth = 0;
  /** The depth of the outermost open svg or math element; -1 outside them. */
  let foreignAt = -1;
  let attributes = 0;
  let at = 0;
  for (;;) {
    const open = html.indexOf('<', at);
    if (open < 0) return;
    if (html.startsWith('!--', open + 1)) {
      const close = html.indexOf('-->', open + 4);
      if (close < 0) return;
      at = close + 3;
      continue;
    }
    const closing = html.charCodeAt(open + 1) === SLASH;
    const start = closing ? open + 2 : open + 1;
    if (!isLetter(html.charCodeAt(start))) {
      // Doctypes, processing instructions and a lone "<" carry no element.
      at = open + 1;
      continue;
    }
    const tag = readTag(html, start, closing);
    at = tag.end;
    if (tag.attributes > MAX_ATTRIBUTES_PER_ELEMENT) {
      throw refuse(name, `has an element with more than ${MAX_ATTRIBUTES_PER_ELEMENT} attributes`);
    }
    attributes += tag.attributes;
    if (attributes > MAX_ATTRIBUTES) throw refuse(name, `carries more than ${MAX_ATTRIBUTES} attributes`);
    if (UNCOUNTED.has(tag.name)) continue;
    if (tag.closing) {
      depth = Math.max(0, depth - 1);
      if (depth < foreignAt) foreignAt = -1;
      continue;
    }
    if (tag.selfClosing && (foreignAt >= 0 || FOREIGN.has(tag.name))) continue;
    depth++;
    if (depth > MAX_NESTING) throw refuse(name, `nests its markup more than ${MAX_NESTING} levels deep`);
    if (foreignAt < 0 && FOREIGN.has(tag.name)) foreignAt = depth;
    if (RAW_TEXT.has(tag.name)) at = rawTextEnd(html, tag.name, at);
  }
}
