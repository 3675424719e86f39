/**
 * wallabag's JSON export. Version 2 writes `is_archived`/`is_starred`
 * (booleans or 0/1), `tags` as a list, `content` HTML, dates like
 * `2016-09-08T11:55:58+0200`, and `annotations` with `quote` and `text`.
 * Version 1 writes `is_read`/`is_fav` as strings and `tags` as one comma
 * string. Both are read by key, and every item's content is kept so the
 * page need not be fetched again.
 */
import { textDate } from './export-dates';
import { ExportCollector, type ExportedHighlight, type ParsedExport } from './exported-item';
import { flag, readJsonItems, record, stringList, text } from './json-export';

function annotations(value: unknown): ExportedHighlight[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const raw = record(entry);
    const quote = raw && text(raw.quote);
    if (!raw || !quote) return [];
    const highlight: ExportedHighlight = { quote };
    const note = text(raw.text);
    if (note) highlight.note = note;
    const createdAt = textDate(raw.created_at);
    if (createdAt !== undefined) highlight.createdAt = createdAt;
    return [highlight];
  });
}

export function parseWallabag(json: string, file: string): ParsedExport {
  const collect = new ExportCollector('wallabag', file);
  readJsonItems(json, collect, (item, raw) => {
    const authors = stringList(raw.published_by);
    if (authors.length) item.author = authors.join(', ');
    item.tags = stringList(raw.tags);
    item.state = flag(raw.is_archived ?? raw.is_read) ? 'archive' : 'inbox';
    item.favorite = flag(raw.is_starred ?? raw.is_fav);
    const savedAt = textDate(raw.created_at);
    if (savedAt !== undefined) item.savedAt = savedAt;
    const html = typeof raw.content === 'string' ? raw.content.trim() : '';
    if (html) item.html = html;
    item.highlights = annotations(raw.annotations);
  });
  return collect.result();
}
