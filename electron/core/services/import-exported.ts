/**
 * Writes the items of another app's export into the library. Every item is
 * written at once: with the content its export carries (Omnivore, wallabag)
 * through the same sanitizing as a clip, or else as a pending article that
 * the retry of pending links fetches later, a few at a time. Its tags,
 * state, favourite, progress, note, original saved date and highlights
 * (placed in its text, or kept to be placed once the page comes) are set
 * before it is written, and the items of a chunk are written together
 * (Library.addMany): a 20,000-item export costs a few hundred batched disk
 * commits, not 100,000 single ones.
 *
 * An item whose address is already in the library is merged, not added:
 * tags and highlights not there yet are added, an archived or favourite
 * flag is kept. So the same file imported twice adds nothing twice. Items
 * of one chunk with the same address become one article, the later ones
 * merged into the first before it is written. One chunk at a time, through
 * the import service's queue of writes, so each duplicate check sees every
 * earlier write.
 */
import { basename } from 'node:path';
import type { AppExportItem, AppExportReport } from '../../shared/api';
import type { ArticleMeta, ArticleSummary } from '../../shared/article';
import { mapBounded, type SerialQueue } from '../../shared/async';
import { errorMessage } from '../../shared/errors';
import type { ExportedItem, ParsedExport } from '../import/services/exported-item';
import { articleText, placeHighlights } from '../import/services/place-highlights';
import { prepareText } from '../import/pipeline/import-file';
import { htmlText } from '../import/services/html-text';
import { readExport } from '../import/services/read-export';
import { normalizeUrl } from '../../shared/url-normalize';
import type { Library, NewArticle } from '../library/library';

/** What one export came to (the contract's AppExportReport). */
export type ExportImportReport = AppExportReport;

export interface ExportWriter {
  library: Library;
  writes: SerialQueue;
  /** A clip article from carried HTML, through the import's sanitizing. */
  prepareContent(item: ExportedItem, html: string): Promise<NewArticle>;
  /** The placeholder a link shows until it is fetched. */
  pendingArticle(url: string, reason: string): NewArticle;
  now?: () => Date;
  /** Lists every item that came in, in the report (see AppExportSource). */
  listItems?: boolean;
  /** Told after each chunk of items is written, for a progress count. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Items written as one batch and announced as one change: the window hears
 * of a 20,000-item import in 40 events and still sees the list grow, and a
 * batch's fsyncs are enough to be committed together.
 */
const CHUNK = 500;

/** Carried pages sanitized at once: CPU work, so a few are enough. */
const PREPARED_AT_ONCE = 4;

/** Merges into existing articles at once: each reads and writes one record. */
const MERGES_AT_ONCE = 16;

const WAITING = 'Imported from an export; the page will be fetched.';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An item with no address (a Readwise book): its highlights become its text. */
function highlightsHtml(item: ExportedItem): string {
  return item.highlights
    .map((highlight) => `<blockquote><p>${escapeHtml(highlight.quote)}</p></blockquote>`)
    .join('\n');
}

function applyItem(meta: ArticleMeta, item: ExportedItem, merging: boolean): void {
  meta.tags = [...new Set([...meta.tags, ...item.tags])];
  if (item.state === 'archive') meta.status = 'archived';
  if (item.favorite) meta.favorite = true;
  if (item.progress !== undefined && item.progress > meta.progress) meta.progress = item.progress;
  if (item.note && !meta.note.includes(item.note))
    meta.note = meta.note ? `${meta.note}\n\n${item.note}` : item.note;
  if (!merging) {
    if (item.savedAt !== undefined) meta.addedAt = new Date(item.savedAt).toISOString();
    if (item.title) meta.title = item.title;
    if (item.author && !meta.byline) meta.byline = item.author;
    if (item.excerpt && (meta.pending || !meta.excerpt)) meta.excerpt = item.excerpt;
  }
}

/** Highlights placed and orphaned, counted once their article is written. */
interface Tally {
  placed: number;
  orphaned: number;
}

/** A new article of a chunk: its first item, and later items of the chunk with its address. */
interface Draft {
  item: ExportedItem;
  same: ExportedItem[];
}

export async function importExported(
  parsed: ParsedExport,
  file: string,
  writer: ExportWriter,
): Promise<ExportImportReport> {
  const { library } = writer;
  const now = writer.now ?? (() => new Date());
  const importedAt = now().toISOString();
  const report: ExportImportReport = {
    service: parsed.service,
    file,
    added: 0,
    merged: 0,
    pending: 0,
    failed: parsed.problems.length,
    highlightsPlaced: 0,
    highlightsOrphaned: 0,
    failures: [...parsed.problems],
  };
  // Items are written drafts first, merges after; their positions put the list back in the export's order.
  const listed: { position: number; line: AppExportItem }[] = [];
  const positions = new Map(parsed.items.map((item, position) => [item, position]));
  const list = (item: ExportedItem, status: AppExportItem['status'], meta: ArticleSummary | ArticleMeta) => {
    if (!writer.listItems) return;
    const line = {
      at: item.at,
      status,
      pending: meta.pending !== undefined,
      id: meta.id,
      title: meta.title,
      url: meta.url,
    };
    listed.push({ position: positions.get(item) ?? 0, line });
  };
  const fail = (item: ExportedItem, reason: string) => {
    report.failed++;
    report.failures.push({ file, at: item.at, reason });
  };
  // The library's addresses, normalized once (asking the catalog per item
  // would walk every article for every item of a 20,000-item export), with
  // their articles' ids; each chunk adds the articles it writes.
  const known = new Map<string, string>();
  for (const summary of library.list()) {
    const key = summary.url ? normalizeUrl(summary.url) : null;
    if (key && !known.has(key)) known.set(key, summary.id);
  }
  const { items } = parsed;
  for (let start = 0; start < items.length; start += CHUNK) {
    // One chunk at a time holds the import's queue of writes, so a drop
    // meanwhile still sees every item written before its duplicate check.
    await writer.writes.run(() => library.batch(() => importChunk(items.slice(start, start + CHUNK))));
    writer.onProgress?.(Math.min(items.length, start + CHUNK), items.length);
  }
  if (writer.listItems) report.items = listed.sort((a, b) => a.position - b.position).map(({ line }) => line);
  return report;

  /** The article in the library with this address, if it is still there and not in the trash. */
  function existing(key: string | null): string | null {
    const id = key ? known.get(key) : undefined;
    if (!id || !library.has(id) || library.summary(id).trashedAt) return null;
    return id;
  }

  async function importChunk(chunk: ExportedItem[]): Promise<void> {
    const merges: { id: string; item: ExportedItem }[] = [];
    const drafts: Draft[] = [];
    const byKey = new Map<string, Draft>();
    for (const item of chunk) {
      const key = item.url ? normalizeUrl(item.url) : null;
      const id = existing(key);
      const draft = key ? byKey.get(key) : undefined;
      if (id) merges.push({ id, item });
      else if (draft) draft.same.push(item);
      else {
        const fresh = { item, same: [] };
        drafts.push(fresh);
        if (key) byKey.set(key, fresh);
      }
    }
    await addDrafts(drafts);
    await mapBounded(merges, MERGES_AT_ONCE, async ({ id, item }) => {
      try {
        await mergeItem(id, item);
      } catch (error) {
        fail(item, errorMessage(error));
      }
    });
  }

  /** Highlights of `item` not yet in `meta`, placed in `text` and added to it; counted in `tally`. */
  function addHighlights(
    meta: ArticleMeta,
    item: ExportedItem,
    text: string | undefined,
    tally: Tally,
  ): void {
    const kept = new Set(meta.highlights.map((highlight) => highlight.target.selector[0].exact));
    const placed = placeHighlights(
      text,
      item.highlights.filter((highlight) => !kept.has(highlight.quote)),
      now(),
    );
    meta.highlights.push(...placed.highlights);
    tally.placed += placed.placed;
    tally.orphaned += placed.orphaned;
  }

  function count(tally: Tally): void {
    report.highlightsPlaced += tally.placed;
    report.highlightsOrphaned += tally.orphaned;
  }

  async function mergeItem(id: string, item: ExportedItem): Promise<void> {
    const text = library.summary(id).pending ? undefined : articleText(await library.content(id));
    const tally = { placed: 0, orphaned: 0 };
    const meta = await library.update(id, (next) => {
      applyItem(next, item, true);
      addHighlights(next, item, text, tally);
    });
    report.merged++;
    list(item, 'merged', meta);
    count(tally);
  }

  /** Prepares each draft's article, then writes them all as one batch. */
  async function addDrafts(drafts: Draft[]): Promise<void> {
    const prepared = await mapBounded(drafts, PREPARED_AT_ONCE, async (draft) => {
      const { item } = draft;
      const html = item.html ?? (item.url ? undefined : highlightsHtml(item));
      try {
        const article = html
          ? await writer.prepareContent(item, html)
          : writer.pendingArticle(item.url, WAITING);
        article.source = {
          ...article.source,
          name: `${parsed.service} export ${file}`,
          importedFrom: { service: parsed.service, file, importedAt },
        };
        const tally = { placed: 0, orphaned: 0 };
        return { draft, article, tally, text: html ? articleText(article.html) : undefined };
      } catch (error) {
        for (const one of [item, ...draft.same]) fail(one, errorMessage(error));
        return null;
      }
    });
    const ready = prepared.filter((entry) => entry !== null);
    const { added, failure } = await library.addMany(
      ready.map(({ draft, article, text, tally }) => ({
        article,
        complete: (meta: ArticleMeta) => {
          applyItem(meta, draft.item, false);
          addHighlights(meta, draft.item, text, tally);
          for (const same of draft.same) {
            applyItem(meta, same, true);
            addHighlights(meta, same, text, tally);
          }
        },
      })),
    );
    for (const [index, meta] of added.entries()) {
      const { draft, text, tally } = ready[index] as (typeof ready)[number];
      const key = draft.item.url ? normalizeUrl(draft.item.url) : null;
      if (key) known.set(key, meta.id);
      report.added++;
      report.merged += draft.same.length;
      list(draft.item, 'added', meta);
      for (const same of draft.same) list(same, 'merged', meta);
      if (text === undefined) report.pending++;
      count(tally);
    }
    if (failure) {
      for (const { draft } of ready.slice(added.length))
        for (const one of [draft.item, ...draft.same]) fail(one, failure.message);
    }
  }
}

/** Carried HTML made into an article through the clip pipeline's sanitizing; no web images are fetched. */
export function prepareCarried(item: ExportedItem, html: string): Promise<NewArticle> {
  return prepareText({
    text: htmlText(html),
    html,
    ...(item.title ? { title: item.title } : {}),
    ...(item.url ? { url: item.url } : {}),
  });
}

/**
 * Reads the export at `path` (file, zip or folder) and writes its items:
 * the one entry point for the window, the menu and the command line.
 * Resolves to undefined when `path` is not an export.
 */
export async function importExportAt(
  path: string,
  writer: Omit<ExportWriter, 'prepareContent'>,
): Promise<ExportImportReport | undefined> {
  const parsed = await readExport(path);
  if (!parsed) return undefined;
  return importExported(parsed, basename(path), { ...writer, prepareContent: prepareCarried });
}
