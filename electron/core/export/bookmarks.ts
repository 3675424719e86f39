/**
 * Articles as a Netscape bookmark file, the format every browser and
 * bookmarking service imports: one <DT><A> per article with a web address,
 * ADD_DATE (when it was saved) and LAST_MODIFIED in Unix seconds, TAGS as a
 * comma-separated list (Pinboard, Raindrop and Firefox read it), and the
 * note as a <DD> description. Text and attributes are HTML-escaped. Articles
 * without a web address (files, clips) have nothing to bookmark and are left
 * out; the count says so.
 */
import type { ExportArticle } from './articles';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const seconds = (iso: string) => String(Math.floor(new Date(iso).getTime() / 1000));

export interface BookmarksFile {
  html: string;
  /** Articles written; those without a web address are skipped. */
  count: number;
}

export async function netscapeBookmarks(articles: AsyncIterable<ExportArticle>): Promise<BookmarksFile> {
  let body = '';
  let count = 0;
  for await (const { meta } of articles) {
    if (!meta.url) continue;
    count++;
    const tags = meta.tags.map((tag) => tag.replace(/,/g, ' ')).join(',');
    body +=
      `        <DT><A HREF="${escapeHtml(meta.url)}" ADD_DATE="${seconds(meta.addedAt)}"` +
      ` LAST_MODIFIED="${seconds(meta.updatedAt)}" TAGS="${escapeHtml(tags)}">${escapeHtml(meta.title)}</A>\n`;
    if (meta.note.trim()) body += `        <DD>${escapeHtml(meta.note.trim())}\n`;
  }
  const html =
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n' +
    '<!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->\n' +
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">\n' +
    '<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n' +
    `<DL><p>\n    <DT><H3>Lectern</H3>\n    <DL><p>\n${body}    </DL><p>\n</DL><p>\n`;
  return { html, count };
}
