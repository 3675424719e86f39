/**
 * A browser's "Save Page As…, complete" writes `Page.html` and a folder
 * `Page_files/` beside it. Dropped together (or inside a dropped folder) they
 * are one article: this groups the folder's files with their page, by path,
 * so the renderer can keep a group in one request and the backend can find
 * the page's images. Pure, so both sides use the same rule.
 */

export interface PathItem {
  name: string;
  path?: string;
}

export interface ImportUnit<T extends PathItem> {
  main: T;
  /** Files of the page's `_files/` folder, keyed by their path relative to the page. */
  related: Map<string, T>;
}

const PAGE = /\.(?:html?|xhtml)$/i;

function pathOf(item: PathItem): string {
  return item.path ?? item.name;
}

export function groupSavedPages<T extends PathItem>(items: readonly T[]): ImportUnit<T>[] {
  const pages = new Map<string, ImportUnit<T>>();
  const units: ImportUnit<T>[] = [];
  for (const item of items) {
    const path = pathOf(item);
    if (!PAGE.test(path)) continue;
    const unit: ImportUnit<T> = { main: item, related: new Map() };
    pages.set(`${path.replace(PAGE, '')}_files/`, unit);
  }
  for (const item of items) {
    const path = pathOf(item);
    let owner: ImportUnit<T> | undefined;
    let folder = '';
    for (const [prefix, unit] of pages) {
      if (path.startsWith(prefix) && prefix.length > folder.length) {
        owner = unit;
        folder = prefix;
      }
    }
    if (owner) {
      const pageDir = folder.slice(0, folder.slice(0, -1).lastIndexOf('/') + 1);
      owner.related.set(path.slice(pageDir.length), item);
    } else {
      units.push(pages.get(`${path.replace(PAGE, '')}_files/`) ?? { main: item, related: new Map() });
    }
  }
  return units;
}

/** True for files inside some `<name>_files/` folder: parts of a saved page, not articles. */
export function isInsideSavedPageFolder(path: string): boolean {
  return /(?:^|\/)[^/]+_files\//.test(path);
}
