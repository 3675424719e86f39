/**
 * Structure recovery for text copied from a web page. A selection dragged
 * across a page carries its chrome: share buttons above the title, the title
 * repeated by the page's header, "Advertisement" breaks, cookie notices and
 * "Related Articles" below. This module keeps the title, a byline and a date
 * when the lines right under the title say so, and the body lines; it drops
 * chrome lines only when a whole line is nothing but chrome, and cuts a
 * trailing "Related"/"Load more" tail only in the last part of the clip, so a
 * sentence that mentions advertising or subscriptions is never lost.
 */

export interface ClipStructure {
  title: string | null;
  byline: string | null;
  /** ISO 8601, or null when no date line was found. */
  published: string | null;
  /** The body's lines, blank lines kept as paragraph breaks. */
  body: string[];
}

const CHROME_LINE = new RegExp(
  '^(?:' +
    [
      'share(?: this(?: story| article| post)?)?(?: on \\w+)?',
      'advertisement',
      'ad',
      'sponsored(?: content)?',
      'subscribe(?: now| today)?',
      'sign up(?: for our newsletter)?',
      'newsletter',
      'load more.*',
      'show more',
      'read more',
      'skip to (?:main )?content',
      'print',
      'email',
      'tweet',
      'facebook',
      'twitter',
      'linkedin',
      'copy link',
      'comments?(?: \\(\\d+\\))?',
      'menu',
      'search',
      'home',
      'accept(?: all)?(?: cookies)?',
      '(?:we|this (?:web)?site) uses? cookies.*',
      '.*\\bcookies?\\b.*(?:accept|consent|privacy policy|experience).*',
    ].join('|') +
    ')[\\s.:!…>»]*$',
  'i',
);

const TAIL_MARKER =
  /^(?:related(?: articles| stories| posts| content)?|more (?:from|stories|articles).*|you (?:may|might) also like|recommended(?: for you)?|load more.*|read next|trending(?: now)?|most (?:read|popular))[\s.:…]*$/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const TIME = '(?:\\s*(?:[-–—,|@]|at)?\\s*(\\d{1,2}):(\\d{2})(?:\\s*([ap])\\.?m\\.?)?)?';
const DATE_PATTERNS: { pattern: RegExp; parts: (m: RegExpExecArray) => [number, number, number] }[] = [
  {
    // 06/03/2022, read month first as US sites write it
    pattern: new RegExp(`^${WEEKDAY}(\\d{1,2})/(\\d{1,2})/(\\d{4})${TIME}$`, 'i'),
    parts: (m) => [Number(m[3]), Number(m[1]), Number(m[2])],
  },
  {
    pattern: new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}$`, 'i'),
    parts: (m) => [Number(m[3]), monthNumber(m[1]), Number(m[2])],
  },
  {
    pattern: new RegExp(`^${WEEKDAY}(\\d{1,2})\\.?\\s+${MONTH},?\\s+(\\d{4})${TIME}$`, 'i'),
    parts: (m) => [Number(m[3]), monthNumber(m[2]), Number(m[1])],
  },
  {
    pattern: new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})${TIME}$`, 'i'),
    parts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
];

function monthNumber(name: string | undefined): number {
  return MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase() as (typeof MONTHS)[number]) + 1;
}

/** A line that is only a date (with an optional label and time), as ISO 8601. */
export function parseDateLine(line: string): string | null {
  const text = line.replace(/^(?:published|posted|updated|last updated|date)\s*(?:on)?\s*:?\s*/i, '').trim();
  for (const { pattern, parts } of DATE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [year, month, day] = parts(match);
    const timeStart = match.length - 3;
    let hour = Number(match[timeStart] ?? 0);
    const minute = Number(match[timeStart + 1] ?? 0);
    const meridiem = match[timeStart + 2]?.toLowerCase();
    if (meridiem === 'p' && hour < 12) hour += 12;
    if (meridiem === 'a' && hour === 12) hour = 0;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
    return new Date(Date.UTC(year, month - 1, day, hour, minute)).toISOString();
  }
  return null;
}

/** Folds quotes, dashes, case and spacing so a repeated title matches its first copy. */
function comparable(line: string): string {
  return line
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[“”„‟"«»‘’‚‛'`´‹›「」『』]/g, '')
    .replace(/[‐‑‒–—―-]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function bylineOf(line: string): string | null {
  const match = /^(?:by|written by|words by|von|par)\s+(.{2,80})$/i.exec(line);
  return match ? (match[1] as string).replace(/[\s,|–—-]+$/, '') : null;
}

/** A short line of two to four capitalised words: a name standing alone by a date. */
function looksLikeName(line: string): boolean {
  return line.length <= 50 && /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}$/u.test(line);
}

const isBlank = (line: string) => line.trim() === '';

export function recoverClip(text: string): ClipStructure {
  const lines = text
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .filter((line) => !CHROME_LINE.test(line.trim()));

  // Cut a trailing "Related Articles" block, but only in the last third.
  const content = lines.filter((line) => !isBlank(line)).length;
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    seen++;
    if (seen > 1 && seen >= content * (2 / 3) && TAIL_MARKER.test(line)) {
      lines.length = i;
      break;
    }
  }

  const first = lines.findIndex((line) => !isBlank(line));
  if (first < 0) return { title: null, byline: null, published: null, body: [] };
  const title = (lines[first] as string).trim();
  const rest = lines.slice(first + 1);

  let byline: string | null = null;
  let published: string | null = null;
  // Look at the first few non-blank lines under the title for repeats, bylines and dates.
  const head: number[] = [];
  for (let i = 0; i < rest.length && head.length < 5; i++) if (!isBlank(rest[i] as string)) head.push(i);
  const drop = new Set<number>();
  for (const [position, index] of head.entries()) {
    const line = (rest[index] as string).trim();
    if (comparable(line) === comparable(title)) {
      drop.add(index);
      continue;
    }
    const by = bylineOf(line);
    if (by && !byline) {
      byline = by;
      drop.add(index);
      continue;
    }
    const date = parseDateLine(line);
    if (date && !published) {
      published = date;
      drop.add(index);
      // An author name on its own line just above or below a date line.
      for (const near of [head[position - 1], head[position + 1]]) {
        if (near === undefined || drop.has(near) || byline) continue;
        const candidate = (rest[near] as string).trim();
        if (looksLikeName(candidate)) {
          byline = candidate;
          drop.add(near);
        }
      }
      continue;
    }
    // Stop at the first line of prose: only the lines right under the title are header.
    if (line.length > 60) break;
  }
  const body = rest.filter((_, index) => !drop.has(index));
  while (body.length > 0 && isBlank(body[0] as string)) body.shift();
  while (body.length > 0 && isBlank(body[body.length - 1] as string)) body.pop();
  const tail = recoverTail(body);
  return { title, byline: byline ?? tail.byline, published: published ?? tail.published, body };
}

/**
 * Author and date lines at the end of a clip, as some sites print them
 * under the article ("Jane Doe", "Fri, 06/03/2022 – 18:40"). Only the last
 * few short lines are read, only when one of them is a date line (a name
 * alone at the end could be a signature that belongs to the text), and the
 * lines found are taken out of the body.
 */
function recoverTail(body: string[]): { byline: string | null; published: string | null } {
  const tail: number[] = [];
  for (let i = body.length - 1; i >= 0 && tail.length < 3; i--) if (!isBlank(body[i] as string)) tail.push(i);
  let byline: string | null = null;
  let published: string | null = null;
  const found: number[] = [];
  for (const index of tail) {
    const line = (body[index] as string).trim();
    const date: string | null = published ? null : parseDateLine(line);
    if (date) {
      published = date;
      found.push(index);
      continue;
    }
    const by: string | null = byline ? null : (bylineOf(line) ?? (looksLikeName(line) ? line : null));
    if (!by) break;
    byline = by;
    found.push(index);
  }
  if (!published) return { byline: null, published: null };
  body.splice(Math.min(...found));
  while (body.length > 0 && isBlank(body[body.length - 1] as string)) body.pop();
  return { byline, published };
}
