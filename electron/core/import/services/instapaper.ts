/**
 * Instapaper's CSV in its three layouts: `URL,Title,Selection,Folder`, then
 * `,Timestamp` (2023), then `,Tags` as a JSON list inside a cell (2024).
 * One `Folder` per row mixes state with filing: `Archive` is archived,
 * `Starred` is a favourite (its state unknown, so left in the inbox),
 * `Unread` is the inbox, and any other folder becomes a tag. `Selection`
 * is text picked when saving, not a highlight with a place, so it is kept
 * as the excerpt.
 */
import { readCsvExport } from './csv-export';
import { unixTime } from './export-dates';
import { exportedItem, folderTag, type ParsedExport } from './exported-item';

function jsonTags(cell: string | undefined): string[] | string {
  const text = cell?.trim();
  if (!text) return [];
  try {
    const list: unknown = JSON.parse(text);
    if (Array.isArray(list)) return list.filter((tag): tag is string => typeof tag === 'string');
  } catch {
    // Reported below, as the row's reason.
  }
  return `its Tags cell “${text.slice(0, 40)}” is not a JSON list`;
}

export function parseInstapaper(text: string, file: string): ParsedExport {
  return readCsvExport(text, file, 'instapaper', ['URL', 'Title', 'Selection', 'Folder'], (row, at) => {
    const item = exportedItem(row.URL ?? '', at);
    const title = row.Title?.trim();
    if (title) item.title = title;
    const selection = row.Selection?.trim();
    if (selection) item.excerpt = selection;
    const savedAt = unixTime(row.Timestamp);
    if (savedAt !== undefined) item.savedAt = savedAt;
    const tags = jsonTags(row.Tags);
    if (typeof tags === 'string') return tags;
    item.tags = tags;
    const folder = row.Folder?.trim() ?? '';
    if (folder === 'Archive') item.state = 'archive';
    else if (folder === 'Starred') item.favorite = true;
    else if (folder && folder !== 'Unread') {
      const tag = folderTag(folder.split(' / '));
      if (tag) item.tags.push(tag);
    }
    return item;
  });
}
