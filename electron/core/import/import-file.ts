/**
 * The import pipeline for one file, from bytes to a NewArticle ready for the
 * library: size check, kind detection by content, decoding, extraction,
 * sanitizing, metadata. Nothing here touches the disk, so a failure at any
 * step has nothing to undo.
 */
import { createHash } from 'node:crypto';
import type { FileInput, TextInput } from '../../shared/api';
import { fileTooLarge, MAX_IMPORT_BYTES } from '../../shared/limits';
import type { NewArticle } from '../library/library';
import { decodeHtml, decodeText } from './decode';
import { detectKind, extensionOf } from './detect';
import { extractHtml } from './extract-html';
import { sanitizeHtml } from './sanitize';
import { textToArticle } from './text-article';
import { countWords, excerptOf } from './words';

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Keeps the original's extension when it is a plain one, else names it by kind. */
function originalExtension(name: string, fallback: string): string {
  const extension = extensionOf(name);
  return /^[a-z0-9]{1,8}$/.test(extension) ? extension : fallback;
}

async function htmlArticle(file: FileInput): Promise<NewArticle> {
  const page = extractHtml(decodeHtml(file.bytes, file.name), file.name);
  const { html, text } = await sanitizeHtml(page.contentHtml);
  return {
    fields: {
      title: page.title,
      byline: page.byline,
      siteName: page.siteName,
      url: page.url,
      published: page.published,
      lang: page.lang,
      excerpt: excerptOf(page.excerpt ?? text),
      wordCount: countWords(text),
    },
    html,
    source: { kind: 'html', name: file.name, sha256: sha256(file.bytes) },
    original: { bytes: file.bytes, extension: originalExtension(file.name, 'html') },
  };
}

function textArticle(
  text: string,
  name: string | null,
  bytes: Uint8Array,
  url: string | null,
  title?: string,
): NewArticle {
  const article = textToArticle(text, name?.replace(/\.[^.]+$/, '') ?? 'Untitled clip');
  return {
    fields: {
      title: title?.trim() || article.title,
      byline: null,
      siteName: url ? new URL(url).hostname.replace(/^www\./, '') : null,
      url,
      published: null,
      lang: null,
      excerpt: excerptOf(article.text),
      wordCount: countWords(article.text),
    },
    html: article.html,
    source: { kind: 'text', name, sha256: sha256(bytes) },
    original: { bytes, extension: name ? originalExtension(name, 'txt') : 'txt' },
  };
}

export async function prepareFile(file: FileInput): Promise<NewArticle> {
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) throw fileTooLarge(file.name, file.bytes.byteLength);
  const kind = detectKind(file.bytes, file.name, file.type);
  if (kind === 'html') return htmlArticle(file);
  return textArticle(decodeText(file.bytes, file.name), file.name, file.bytes, null);
}

export async function prepareText(input: TextInput): Promise<NewArticle> {
  const bytes = new TextEncoder().encode(input.text);
  detectKind(bytes, 'The clip', 'text/plain');
  return textArticle(input.text, null, bytes, input.url ?? null, input.title);
}
