/**
 * A byline that names someone, or nothing. Pages put their date line where
 * bylines go ("April 28, 2019 at 6:01 am Updated …"), and Readability takes
 * it for one; an author line is a name or a few, so the parts that are dates
 * or times are dropped and what remains must read like names.
 */
import { parseDate } from './metadata';

const TIME_WORDS =
  /\b(?:updated|published|posted|modified|last|am|pm|gmt|utc|[ap]\.m\.|ago|min(?:ute)?s?|read)\b|\d{1,2}:\d{2}/i;

function isDatePart(part: string): boolean {
  return parseDate(part) !== null || (/\d/.test(part) && TIME_WORDS.test(part)) || /^[\d\s./:-]+$/.test(part);
}

/** Where a date starts inside a byline ("By Ann Lee March 11, 2015 3:46 PM"). */
const DATE_START =
  /\s+(?:on\s+|updated\s+|published\s+)?(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4})/i;

export function personByline(value: string | null | undefined): string | null {
  const whole = value?.replace(/\s+/g, ' ').trim();
  const start = whole ? DATE_START.exec(whole) : null;
  const text = start && /\p{L}{2}/u.test(whole!.slice(0, start.index)) ? whole!.slice(0, start.index) : whole;
  if (!text) return null;
  const kept = text
    .split(/\s*[|·•—–]\s*|\s+-\s+|\s+on\s+(?=\p{Lu}\p{Ll}+\.? \d)/u)
    .filter((part) => part && !isDatePart(part));
  const byline = kept.join(' · ').trim();
  if (!byline || byline.length > 100 || !/\p{L}{2}/u.test(byline)) return null;
  // Names are a few words with few digits; a sentence or a date is not.
  if (byline.split(' ').length > 12 || (byline.match(/\d/g)?.length ?? 0) > 2) return null;
  return byline;
}
