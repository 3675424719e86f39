/**
 * Pocket's two exports. The old `ril_export.html` lists items under an
 * "Unread" and a "Read Archive" heading (the heading is the only sign of
 * the state) with `time_added` and comma-joined `tags`. The 2024–25 zip
 * holds `part_NNNNNN.csv` files (`title,url,time_added,tags,status`, tags
 * joined by `|`, a `cursor` column in 2024) and `annotations/part_NNNNNN.json`
 * with highlights joined to the items by exact address. Pocket has no
 * favourites and writes the address as the title of an untitled item.
 */
import { readCsvExport } from './csv-export';
import { unixTime } from './export-dates';
import { ExportCollector, exportedItem, type ExportedHighlight, type ParsedExport } from './exported-item';
import { decodeEntities } from '../../../shared/html-entities';
import { htmlAttributes } from './html-text';

function title(title: string, url: string): string | undefined {
  const trimmed = title.trim();
  return trimmed && trimmed !== url.trim() ? trimmed : undefined;
}

export const POCKET_CSV_COLUMNS = ['title', 'url', 'time_added', 'tags', 'status'];

export function parsePocketCsv(text: string, file: string): ParsedExport {
  return readCsvExport(text, file, 'pocket', POCKET_CSV_COLUMNS, (row, at) => {
    const item = exportedItem(row.url ?? '', at);
    const named = title(row.title ?? '', item.url);
    if (named) item.title = named;
    const savedAt = unixTime(row.time_added);
    if (savedAt !== undefined) item.savedAt = savedAt;
    item.tags = (row.tags ?? '').split('|');
    item.state = row.status?.trim() === 'archive' ? 'archive' : 'inbox';
    return item;
  });
}

export function parsePocketHtml(text: string, file: string): ParsedExport {
  const collect = new ExportCollector('pocket', file);
  let state: 'inbox' | 'archive' = 'inbox';
  let index = 0;
  const pattern = /<h1[^>]*>([\s\S]*?)<\/h1>|<a\s([^>]*)>([\s\S]*?)<\/a>/gi;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) {
      state = /archive/i.test(match[1]) ? 'archive' : 'inbox';
      continue;
    }
    index++;
    const attributes = htmlAttributes(match[2] ?? '');
    const item = exportedItem(attributes.href ?? '', `item ${index}`);
    const named = title(decodeEntities(match[3] ?? ''), item.url);
    if (named) item.title = named;
    const savedAt = unixTime(attributes.time_added);
    if (savedAt !== undefined) item.savedAt = savedAt;
    item.tags = (attributes.tags ?? '').split(',');
    item.state = state;
    collect.add(item);
  }
  return collect.result();
}

/** Highlights from `annotations/part_NNNNNN.json`, by the exact address they belong to. */
export function parsePocketAnnotations(
  text: string,
  file: string,
): { byUrl: Map<string, ExportedHighlight[]>; problems: ParsedExport['problems'] } {
  const collect = new ExportCollector('pocket', file);
  const byUrl = new Map<string, ExportedHighlight[]>();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    collect.problem(undefined, `it is not valid JSON (${(error as Error).message})`);
    return { byUrl, problems: collect.problems };
  }
  if (!Array.isArray(data)) {
    collect.problem(undefined, 'it is not a list of annotated items');
    return { byUrl, problems: collect.problems };
  }
  data.forEach((entry: unknown, index) => {
    const record = entry as { url?: unknown; highlights?: unknown } | null;
    if (!record || typeof record.url !== 'string' || !Array.isArray(record.highlights)) {
      collect.problem(`item ${index + 1}`, 'it has no address or no list of highlights');
      return;
    }
    const list = byUrl.get(record.url) ?? [];
    for (const raw of record.highlights as unknown[]) {
      const highlight = raw as { quote?: unknown; created_at?: unknown } | null;
      if (!highlight || typeof highlight.quote !== 'string' || !highlight.quote.trim()) continue;
      const createdAt = unixTime(highlight.created_at as number | string | undefined);
      list.push(createdAt === undefined ? { quote: highlight.quote } : { quote: highlight.quote, createdAt });
    }
    byUrl.set(record.url, list);
  });
  return { byUrl, problems: collect.problems };
}

/** Gives each item the highlights its address has; highlights of items not in the export stay out. */
export function attachPocketHighlights(parsed: ParsedExport, byUrl: Map<string, ExportedHighlight[]>): void {
  for (const item of parsed.items) {
    const highlights = byUrl.get(item.url);
    if (highlights) item.highlights.push(...highlights);
  }
}
