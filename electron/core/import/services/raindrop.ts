/**
 * Raindrop.io's CSV: `id,title,note,excerpt,url,folder,tags,created,cover,
 * highlights,favorite`. Tags are joined by `", "`, the folder is a
 * collection title (`Unsorted` means none; `a/b` is already nested), dates
 * are ISO or Unix, and highlights are lines starting `Highlight:`, with a
 * `Note:` line belonging to the highlight before it. Raindrop has no read
 * state, so every item starts in the inbox.
 */
import { readCsvExport } from './csv-export';
import { textDate } from './export-dates';
import { exportedItem, folderTag, type ExportedHighlight, type ParsedExport } from './exported-item';
import { decodeEntities } from '../../../shared/html-entities';

export const RAINDROP_COLUMNS = ['url', 'title', 'folder', 'tags', 'created'];

export function raindropHighlights(cell: string): ExportedHighlight[] {
  const highlights: ExportedHighlight[] = [];
  for (const part of cell.split(/\r?\n(?=(?:Highlight|Note):)/)) {
    const highlight = /^Highlight:\s*([\s\S]*)$/.exec(part);
    const note = /^Note:\s*([\s\S]*)$/.exec(part);
    if (highlight?.[1]?.trim()) highlights.push({ quote: highlight[1].trim() });
    else if (note?.[1]?.trim() && highlights.length) highlights.at(-1)!.note = note[1].trim();
  }
  return highlights;
}

export function parseRaindrop(text: string, file: string): ParsedExport {
  return readCsvExport(text, file, 'raindrop', RAINDROP_COLUMNS, (row, at) => {
    const item = exportedItem(row.url ?? '', at);
    const title = row.title?.trim();
    if (title) item.title = title;
    const excerpt = decodeEntities(row.excerpt ?? '').trim();
    if (excerpt) item.excerpt = excerpt;
    const note = row.note?.trim();
    if (note) item.note = note;
    item.tags = (row.tags ?? '').split(',');
    const folder = row.folder?.trim();
    if (folder && folder !== 'Unsorted') {
      const tag = folderTag(folder.split('/'));
      if (tag) item.tags.push(tag);
    }
    const savedAt = textDate(row.created);
    if (savedAt !== undefined) item.savedAt = savedAt;
    item.favorite = row.favorite?.trim() === 'true';
    item.highlights = raindropHighlights(row.highlights ?? '');
    return item;
  });
}
