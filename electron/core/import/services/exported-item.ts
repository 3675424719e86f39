/**
 * The one shape every other app's export is read into. Each service's
 * parser is pure (text in, items and problems out) so it can be tested on
 * strings; reading files and zips, and writing to the library, happen
 * elsewhere. A parser never stops at a bad item: it records an
 * `ExportProblem` naming the file and the line or item, and goes on, so the
 * good items of a partly broken file still come through.
 */

export type ExportService =
  | 'pocket'
  | 'instapaper'
  | 'omnivore'
  | 'wallabag'
  | 'readwise'
  | 'readwise-reader'
  | 'raindrop'
  | 'netscape'
  | 'firefox'
  | 'chrome';

export interface ExportedHighlight {
  quote: string;
  note?: string;
  /** Milliseconds since 1970. */
  createdAt?: number;
}

export interface ExportedItem {
  url: string;
  title?: string;
  author?: string;
  excerpt?: string;
  /** Folder paths become nested tags: `a/b`. */
  tags: string[];
  state: 'inbox' | 'archive';
  favorite: boolean;
  /** The original saved date in milliseconds since 1970, when the export gives one. */
  savedAt?: number;
  /** Reading progress from 0 to 1. */
  progress?: number;
  highlights: ExportedHighlight[];
  note?: string;
  /** The saved article's HTML when the export carries it (Omnivore, wallabag). */
  html?: string;
  /** Where in the file the item came from, for reports: "line 12" or "item 3". */
  at: string;
}

export interface ExportProblem {
  file: string;
  /** "line 12", "item 3"; absent when the whole file is at fault. */
  at?: string;
  reason: string;
}

export interface ParsedExport {
  service: ExportService;
  items: ExportedItem[];
  problems: ExportProblem[];
}

/** A fresh item with the defaults every format starts from. */
export function exportedItem(url: string, at: string): ExportedItem {
  return { url, tags: [], state: 'inbox', favorite: false, highlights: [], at };
}

/** Collects items and problems for one file; `add` checks the address first. */
export class ExportCollector {
  readonly items: ExportedItem[] = [];
  readonly problems: ExportProblem[] = [];

  constructor(
    readonly service: ExportService,
    readonly file: string,
  ) {}

  problem(at: string | undefined, reason: string): void {
    this.problems.push(at === undefined ? { file: this.file, reason } : { file: this.file, at, reason });
  }

  /**
   * Adds the item when its address is a web address, else records why not.
   * `addressOptional` lets through an item with no address at all (a
   * Readwise document, which its export names only by title and author).
   */
  add(item: ExportedItem, addressOptional = false): void {
    const refusal = addressOptional && !item.url.trim() ? undefined : addressRefusal(item.url);
    if (refusal) this.problem(item.at, refusal);
    else this.items.push({ ...item, url: item.url.trim(), tags: uniqueTags(item.tags) });
  }

  result(): ParsedExport {
    return { service: this.service, items: this.items, problems: this.problems };
  }
}

/** Why an address cannot be imported, or undefined when it can. Only http(s) pages are fetched. */
export function addressRefusal(url: string): string | undefined {
  const trimmed = url.trim();
  if (!trimmed) return 'it has no address';
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return `its address “${trimmed.slice(0, 80)}” is not a web address`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return `its address uses “${parsed.protocol}”, and only http and https pages are imported`;
  return undefined;
}

function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
}

/** Joins a folder path into one nested tag, leaving out empty parts. */
export function folderTag(path: readonly string[]): string | undefined {
  const parts = path.map((part) => part.trim().replaceAll('/', '∕')).filter(Boolean);
  return parts.length ? parts.join('/') : undefined;
}
