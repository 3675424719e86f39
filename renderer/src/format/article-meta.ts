/**
 * How article facts are written on screen. Reading time assumes 230 words a
 * minute, the middle of the range measured for adults reading non-fiction on
 * screens; it is rounded, because "7 min" reads better than "6.8 min".
 */
import { TRASH_DAYS } from '@shared/api/trash';
import { READ_PROGRESS, type ArticleSummary, type SourceKind } from '@shared/article';

const WORDS_PER_MINUTE = 230;

export function readingTime(wordCount: number): string {
  if (wordCount === 0) return 'No text';
  const minutes = Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
  return `${minutes} min read`;
}

/** What a file without a site is, by how it came in: a file's own name says nothing about where it is from. */
const KIND_LABELS: Record<SourceKind, string> = {
  html: 'Saved page',
  mhtml: 'Saved page',
  text: 'Text file',
  markdown: 'Markdown',
  pdf: 'PDF',
  epub: 'E-book',
  clip: 'Text clip',
  link: 'Link',
};

/** Where an article came from: the site, else the kind of file or clip it was ("PDF", "Text clip"). */
export function sourceLabel(article: Pick<ArticleSummary, 'siteName' | 'url' | 'source'>): string {
  if (article.siteName) return article.siteName;
  if (article.url) {
    try {
      return new URL(article.url).hostname.replace(/^www\./, '');
    } catch {
      // Not a parseable URL: fall through to the kind.
    }
  }
  if (article.source.kind === 'text' && article.source.name === null) return KIND_LABELS.clip;
  return KIND_LABELS[article.source.kind];
}

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const yearFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** "Today", "Yesterday", "3 Mar", or "3 Mar 2023" for other years. */
export function addedLabel(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const day = 24 * 60 * 60 * 1000;
  if (date.getTime() >= startOfToday) return 'Today';
  if (date.getTime() >= startOfToday - day) return 'Yesterday';
  return (date.getFullYear() === now.getFullYear() ? dayFormat : yearFormat).format(date);
}

/** "Added today", "Added yesterday", "Added 3 Mar": relative words lower-cased, dates as written. */
export function addedPhrase(iso: string, now: Date = new Date()): string {
  const label = addedLabel(iso, now);
  return `Added ${label === 'Today' || label === 'Yesterday' ? label.toLowerCase() : label}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When an article went to the trash and how long it has left there:
 * "Deleted yesterday · 29 days left". Days are counted up, so an article is
 * never shown "0 days left" while it is still there to restore.
 */
export function trashedPhrase(iso: string, now: Date = new Date()): string {
  const label = addedLabel(iso, now);
  const when = label === 'Today' || label === 'Yesterday' ? label.toLowerCase() : label;
  const left = Math.max(
    1,
    Math.ceil((new Date(iso).getTime() + TRASH_DAYS * DAY_MS - now.getTime()) / DAY_MS),
  );
  return `Deleted ${when} · ${left === 1 ? 'last day' : `${left} days left`}`;
}

/** A published date in full, or null when the page did not give one. */
export function publishedLabel(iso: string | null): string | null {
  return iso ? yearFormat.format(new Date(iso)) : null;
}

const clockFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** The time of day, as the reader's locale writes it: "14:05" or "2:05 PM". */
export function clockTime(date: Date): string {
  return clockFormat.format(date);
}

/** "1 image", "3 images". */
export function imageCount(count: number): string {
  return count === 1 ? '1 image' : `${count} images`;
}

/**
 * The line over an article whose web images were not saved: how many, and,
 * once fetching them was tried, when ("2 images could not be fetched at 14:05.").
 */
export function missingImagesLabel(count: number, triedAt: string | null): string {
  const images = imageCount(count);
  if (triedAt) return `${images} could not be fetched at ${triedAt}.`;
  return `${images} ${count === 1 ? 'was' : 'were'} not saved when this was imported.`;
}

/** "Read", or how far: "40% read". */
export function progressLabel(progress: number): string {
  return progress >= READ_PROGRESS ? 'Read' : `${Math.round(progress * 100)}% read`;
}

/** "12 min left" while reading, "Finished" at the end. */
export function minutesLeft(wordCount: number, progress: number): string {
  const minutes = Math.round((wordCount * (1 - progress)) / WORDS_PER_MINUTE);
  if (progress >= 0.995) return 'Finished';
  return minutes < 1 ? 'Less than a minute left' : `${minutes} min left`;
}
