/**
 * The Netscape bookmark file every browser and many bookmark services write:
 * `<DT><H3>` folders over nested `<DL>`s, `<DT><A HREF ADD_DATE TAGS>`
 * links, `<DD>` descriptions running to the next tag. The markup is never
 * well formed (nothing closes `<DT>` or `<p>`), so it is read as a stream
 * of tags with a stack of folder names rather than by an HTML parser, which
 * would also recurse on a file nested thousands deep. `ADD_DATE` is seconds,
 * milliseconds or microseconds; `TOREAD="1"` is the only state any writer
 * records, so other bookmarks count as read (archived) and unread ones as
 * inbox — a bookmark was kept, not queued.
 */
import { bookmarkFolderTag, MAX_FOLDER_DEPTH, TOO_DEEP } from './bookmark-folders';
import { unixTime } from './export-dates';
import { ExportCollector, exportedItem, type ExportedItem, type ParsedExport } from './exported-item';
import { htmlAttributes, htmlText } from './html-text';

const TOKENS =
  /<h3([^>]*)>([\s\S]*?)<\/h3>|<a\s([^>]*)>([\s\S]*?)<\/a>|<dd>([\s\S]*?)(?=<d[tdl][\s>]|<\/dl|$)|<(\/?)dl[\s>]/gi;

export function parseNetscape(text: string, file: string): ParsedExport {
  const collect = new ExportCollector('netscape', file);
  const path: string[] = [];
  let pendingFolder: string | undefined;
  let last: ExportedItem | undefined;
  let index = 0;
  let tooDeep = false;
  const flush = (): void => {
    if (last) collect.add(last);
    last = undefined;
  };
  for (const match of text.matchAll(TOKENS)) {
    const [, folderAttributes, folderName, linkAttributes, linkTitle, description, closing] = match;
    if (folderName !== undefined) {
      const toolbar = /personal_toolbar_folder/i.test(folderAttributes ?? '');
      pendingFolder = toolbar ? '' : htmlText(folderName);
      flush();
    } else if (linkAttributes !== undefined) {
      flush();
      index++;
      const attributes = htmlAttributes(linkAttributes);
      const item = exportedItem(attributes.href ?? '', `bookmark ${index}`);
      const title = htmlText(linkTitle ?? '');
      if (title) item.title = title;
      const savedAt = unixTime(attributes.add_date);
      if (savedAt !== undefined) item.savedAt = savedAt;
      item.tags = (attributes.tags ?? '').split(',');
      const folder = bookmarkFolderTag(path);
      if (folder) item.tags.push(folder);
      if (path.length > MAX_FOLDER_DEPTH) tooDeep = true;
      item.state = attributes.toread === '1' ? 'inbox' : 'archive';
      last = item;
    } else if (description !== undefined) {
      const note = htmlText(description);
      if (last && note) last.note = note;
    } else if (closing === '/') {
      flush();
      path.pop();
    } else {
      path.push(pendingFolder ?? '');
      pendingFolder = undefined;
    }
  }
  flush();
  if (tooDeep) collect.problem(undefined, TOO_DEEP);
  return collect.result();
}
