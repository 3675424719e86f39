/**
 * Highlights as Readwise's CSV import takes them: one row per highlight with
 * the columns Highlight, Title, Author, URL, Note, Location, Date. Fields are
 * quoted by RFC 4180 (a field holding a comma, quote or line break is quoted
 * and its quotes doubled; lines end in CRLF), which Readwise, spreadsheets
 * and every CSV library read back exactly. Location is the highlight's
 * character offset in the article, which keeps Readwise's order the
 * article's order.
 */
import { highlightText } from '../../shared/annotation';
import type { ExportArticle } from './articles';

export const READWISE_COLUMNS = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'] as const;

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export async function readwiseCsv(articles: AsyncIterable<ExportArticle>): Promise<string> {
  let out = csvRow(READWISE_COLUMNS);
  for await (const { meta } of articles) {
    for (const highlight of meta.highlights) {
      out += csvRow([
        highlightText(highlight),
        meta.title,
        meta.byline ?? '',
        meta.url ?? '',
        highlight.note,
        String(highlight.target.selector[1].start),
        highlight.createdAt,
      ]);
    }
  }
  return out;
}
