/**
 * Readwise's two CSV exports. The highlights export has one row per
 * highlight and names its document only by `Book Title` and `Book Author`
 * (no address), so rows are gathered into one item per document, kept even
 * without an address; its reserved tag `favorite` marks a favourite
 * highlight, and `Document tags` become the item's tags. The Reader library
 * export has one row per document: `Document tags` as a Python list
 * (`['a', "it's"]`), `Location` new/later/archive/feed (feed items were
 * never saved, so they are left out), and `Reading progress`.
 */
import { readCsvExport } from './csv-export';
import { textDate } from './export-dates';
import { exportedItem, type ExportedItem, type ParsedExport } from './exported-item';

export const READWISE_HIGHLIGHT_COLUMNS = ['Highlight', 'Book Title', 'Book Author', 'Highlighted at'];
export const READWISE_READER_COLUMNS = ['Title', 'URL', 'Document tags', 'Saved date', 'Location'];

export function parseReadwiseHighlights(text: string, file: string): ParsedExport {
  const documents = new Map<string, ExportedItem>();
  const parsed = readCsvExport(text, file, 'readwise', READWISE_HIGHLIGHT_COLUMNS, (row, at) => {
    const quote = row.Highlight?.trim();
    if (!quote) return 'it has no highlight text';
    const title = row['Book Title']?.trim() ?? '';
    const author = row['Book Author']?.trim() ?? '';
    const key = `${title}\u0000${author}`;
    const createdAt = textDate(row['Highlighted at']);
    const note = row.Note?.trim();
    let document = documents.get(key);
    if (!document) {
      document = exportedItem('', at);
      if (title) document.title = title;
      if (author) document.author = author;
      document.tags = pythonList(row['Document tags'] ?? '');
      documents.set(key, document);
    }
    document.highlights.push({
      quote,
      ...(note ? { note } : {}),
      ...(createdAt === undefined ? {} : { createdAt }),
    });
    if (createdAt !== undefined && (document.savedAt === undefined || createdAt < document.savedAt))
      document.savedAt = createdAt;
    return undefined;
  });
  return { ...parsed, items: [...documents.values()] };
}

export function parseReadwiseReader(text: string, file: string): ParsedExport {
  return readCsvExport(text, file, 'readwise-reader', READWISE_READER_COLUMNS, (row, at) => {
    const location = row.Location?.trim().toLowerCase();
    if (location === 'feed') return 'it is a feed item that was never saved to the library';
    const item = exportedItem(row.URL ?? '', at);
    const title = row.Title?.trim();
    if (title) item.title = title;
    item.tags = pythonList(row['Document tags'] ?? '');
    item.state = location === 'archive' ? 'archive' : 'inbox';
    const savedAt = textDate(row['Saved date']);
    if (savedAt !== undefined) item.savedAt = savedAt;
    const progress = Number(row['Reading progress']);
    if (progress > 0 && progress <= 1) item.progress = progress;
    return item;
  });
}

/** A Python list of strings as `repr` writes it: `['a', "it's", 'tag\'s']`. */
export function pythonList(cell: string): string[] {
  const items: string[] = [];
  for (const match of cell.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g))
    items.push((match[1] ?? match[2] ?? '').replace(/\\(.)/g, '$1'));
  return items;
}
