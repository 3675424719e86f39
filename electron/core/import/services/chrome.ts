/**
 * Chrome's (and Edge's, Brave's) `Bookmarks` profile file: `roots`
 * (bookmark bar, other, synced) of nodes with `type` url or folder, `name`,
 * `url` and `date_added` in microseconds since 1601 as a string. The roots
 * give no tag; folders below them do. No tags or notes exist in this
 * format. Walked with a stack; bookmarks count as read (archived).
 */
import { bookmarkFolderTag, MAX_FOLDER_DEPTH, TOO_DEEP } from './bookmark-folders';
import { chromeTime } from './export-dates';
import { ExportCollector, exportedItem, type ParsedExport } from './exported-item';
import { parseJson, record, text } from './json-export';

export function parseChrome(json: string, file: string): ParsedExport {
  const collect = new ExportCollector('chrome', file);
  const roots = record(record(parseJson(json, collect))?.roots);
  if (!roots) {
    if (!collect.problems.length) collect.problem(undefined, 'it has no bookmark roots');
    return collect.result();
  }
  const stack = Object.values(roots)
    .map(record)
    .filter((node) => node !== undefined)
    .reverse()
    .map((node) => ({ node, path: [] as string[], root: true }));
  let index = 0;
  let tooDeep = false;
  while (stack.length) {
    const { node, path, root } = stack.pop()!;
    if (node.type === 'url') {
      index++;
      const item = exportedItem(text(node.url) ?? '', `bookmark ${index}`);
      const title = text(node.name);
      if (title) item.title = title;
      const folder = bookmarkFolderTag(path);
      if (folder) item.tags.push(folder);
      if (path.length > MAX_FOLDER_DEPTH) tooDeep = true;
      const savedAt = chromeTime(node.date_added);
      if (savedAt !== undefined) item.savedAt = savedAt;
      item.state = 'archive';
      collect.add(item);
      continue;
    }
    if (!Array.isArray(node.children)) continue;
    const inner = root ? path : [...path, text(node.name) ?? ''];
    for (const child of [...node.children].reverse()) {
      const childNode = record(child);
      if (childNode) stack.push({ node: childNode, path: inner, root: false });
    }
  }
  if (tooDeep) collect.problem(undefined, TOO_DEEP);
  return collect.result();
}
