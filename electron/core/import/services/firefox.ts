/**
 * Firefox's JSON bookmark backup: a tree of nodes with `type`
 * (`text/x-moz-place` for a bookmark, `…-container` for a folder), `uri`,
 * `title`, `tags` (comma string), `dateAdded` in microseconds and a
 * description among `annos`. The built-in roots (menu, toolbar, other) are
 * not folders a person made, so they give no tag. The tree is walked with a
 * stack, never recursion. Bookmarks count as read (archived).
 */
import { bookmarkFolderTag, MAX_FOLDER_DEPTH, TOO_DEEP } from './bookmark-folders';
import { unixTime } from './export-dates';
import { ExportCollector, exportedItem, type ParsedExport } from './exported-item';
import { parseJson, record, text } from './json-export';

function description(annos: unknown): string | undefined {
  if (!Array.isArray(annos)) return undefined;
  const found = annos.map(record).find((anno) => anno?.name === 'bookmarkProperties/description');
  return text(found?.value);
}

export function parseFirefox(json: string, file: string): ParsedExport {
  const collect = new ExportCollector('firefox', file);
  const root = record(parseJson(json, collect));
  if (!root) {
    if (!collect.problems.length) collect.problem(undefined, 'it is not a bookmark tree');
    return collect.result();
  }
  const stack: { node: Record<string, unknown>; path: string[] }[] = [{ node: root, path: [] }];
  let index = 0;
  let tooDeep = false;
  while (stack.length) {
    const { node, path } = stack.pop()!;
    const uri = text(node.uri);
    if (node.type === 'text/x-moz-place' || uri !== undefined) {
      index++;
      const item = exportedItem(uri ?? '', `bookmark ${index}`);
      const title = text(node.title);
      if (title) item.title = title;
      item.tags = typeof node.tags === 'string' ? node.tags.split(',') : [];
      const folder = bookmarkFolderTag(path);
      if (folder) item.tags.push(folder);
      if (path.length > MAX_FOLDER_DEPTH) tooDeep = true;
      const savedAt = unixTime(node.dateAdded as number | undefined);
      if (savedAt !== undefined) item.savedAt = savedAt;
      const note = description(node.annos);
      if (note) item.note = note;
      item.state = 'archive';
      collect.add(item);
    }
    if (!Array.isArray(node.children)) continue;
    const inner = typeof node.root === 'string' ? path : [...path, text(node.title) ?? ''];
    for (const child of [...node.children].reverse()) {
      const childNode = record(child);
      if (childNode) stack.push({ node: childNode, path: inner });
    }
  }
  if (tooDeep) collect.problem(undefined, TOO_DEEP);
  return collect.result();
}
