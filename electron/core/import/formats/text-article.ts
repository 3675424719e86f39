/**
 * Plain text to a reader article: the first non-empty line is the title and
 * the rest becomes paragraphs. Blank lines separate paragraphs; inside one,
 * hard-wrapped lines (as in e-mail or old text files) are joined into flowing
 * text, while short lines (verse, addresses, lists) keep their breaks. Page
 * chrome, a repeated title, the byline and the date line are recovered first
 * (clip-structure.ts).
 */
import { recoverClip } from './clip-structure';

export interface TextArticle {
  title: string;
  /** Reader HTML, already escaped: only <p> and <br> are produced. */
  html: string;
  text: string;
  byline: string | null;
  published: string | null;
}

const MAX_TITLE = 200;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  return lines.slice(0, -1).every((line) => line.length >= 50);
}

function paragraphHtml(block: string): string {
  const lines = block.split('\n').map((line) => line.trim());
  const body = isHardWrapped(lines) ? escapeHtml(lines.join(' ')) : lines.map(escapeHtml).join('<br>');
  return `<p>${body}</p>`;
}

export function textToArticle(text: string, fallbackTitle: string): TextArticle {
  const clip = recoverClip(text);
  const titleLine = clip.title ?? '';
  const title =
    titleLine.length > MAX_TITLE ? `${titleLine.slice(0, MAX_TITLE - 1)}…` : titleLine || fallbackTitle;
  const rest = clip.body.join('\n').trim();
  // A one-line clip is all title; keep it as the body too so the reader has text.
  const bodyText = rest || titleLine;
  // With no blank lines at all, each line is a paragraph (text copied from a page).
  const blocks = /\n\s*\n/.test(bodyText) ? bodyText.split(/\n\s*\n/) : bodyText.split('\n');
  const paragraphs = blocks.map((block) => block.trim()).filter((block) => block !== '');
  return {
    title,
    html: paragraphs.map(paragraphHtml).join('\n'),
    text: paragraphs.join('\n\n'),
    byline: clip.byline,
    published: clip.published,
  };
}
