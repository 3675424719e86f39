/**
 * Writes the items of another app's export into the library. Every item is
 * written at once: with the content its export carries (Omnivore, wallabag)
 * through the same sanitizing as a clip, or else as a pending article that
 * the retry of pending links fetches later, a few at a time. Its tags,
 * state, favourite, progress, note and original saved date are set as it is
 * written, and its highlights placed in its text (or kept to be placed once
 * the page comes).
 *
 * An item whose address is already in the library is merged, not added:
 * tags and highlights not there yet are added, an archived or favourite
 * flag is kept. So the same file imported twice adds nothing twice. One
 * item at a time, through the import service's queue of writes, so each
 * duplicate check sees every earlier write.
 */
import { basename } from 'node:path';
import type { AppExportReport } from '../../shared/api';
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
  /** Told after each chunk of items is written, for a progress count. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Items written between two announcements of the library's changes: the
 * window hears of a 20,000-item import in 80 events, not 40,000, and still
 * sees the list grow.
 */
const CHUNK = 250;

/**
 * Items written side by side: each write waits mostly on the disk (an fsync
 * per file), so a few at once go several times faster than one by one.
 */
const WRITES_AT_ONCE = 16;

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
  // The library's addresses, normalized once (asking the catalog per item
  // would walk every article for every item of a 20,000-item export), each
  // with the id it will have: an item claims its address before it is
  // written, so a second item with the same address waits for it and merges.
  const byAddress = new Map<string, Promise<string | null>>();
  for (const summary of library.list()) {
    const key = summary.url ? normalizeUrl(summary.url) : null;
    if (key && !byAddress.has(key)) byAddress.set(key, Promise.resolve(summary.id));
  }
  const { items } = parsed;
  for (let start = 0; start < items.length; start += CHUNK) {
    // One chunk at a time holds the import's queue of writes, so a drop
    // meanwhile still sees every item written before its duplicate check.
    await writer.writes.run(() =>
      library.batch(() =>
        mapBounded(items.slice(start, start + CHUNK), WRITES_AT_ONCE, async (item) => {
          try {
            await importItem(item);
          } catch (error) {
            report.failed++;
            report.failures.push({ file, at: item.at, reason: errorMessage(error) });
          }
        }),
      ),
    );
    writer.onProgress?.(Math.min(items.length, start + CHUNK), items.length);
  }
  return report;

  async function existingFor(earlier: Promise<string | null>): Promise<ArticleSummary | null> {
    const id = await earlier;
    if (!id || !library.has(id)) return null;
    const summary = library.summary(id);
    return summary.trashedAt ? null : summary;
  }

  async function importItem(item: ExportedItem): Promise<void> {
    const key = item.url ? normalizeUrl(item.url) : null;
    // Claimed before the first await, so an item with the same address
    // running beside this one finds the claim and waits for it.
    const earlier = key ? byAddress.get(key) : undefined;
    let claimed: (id: string | null) => void = () => undefined;
    if (key && !earlier) byAddress.set(key, new Promise((resolve) => (claimed = resolve)));
    const existing = earlier ? await existingFor(earlier) : null;
    if (existing) {
      await mergeItem(existing, item);
      return;
    }
    try {
      claimed(await addItem(item));
    } catch (error) {
      claimed(null);
      throw error;
    }
  }

  async function mergeItem(existing: ArticleSummary, item: ExportedItem): Promise<void> {
    const text = existing.pending ? undefined : articleText(await library.content(existing.id));
    await library.update(existing.id, (meta) => {
      const known = new Set(meta.highlights.map((highlight) => highlight.target.selector[0].exact));
      const fresh = item.highlights.filter((highlight) => !known.has(highlight.quote));
      const placed = placeHighlights(text, fresh, now());
      applyItem(meta, item, true);
      meta.highlights.push(...placed.highlights);
      report.highlightsPlaced += placed.placed;
      report.highlightsOrphaned += placed.orphaned;
    });
    report.merged++;
  }

  async function addItem(item: ExportedItem): Promise<string> {
    const html = item.html ?? (item.url ? undefined : highlightsHtml(item));
    const article = html ? await writer.prepareContent(item, html) : writer.pendingArticle(item.url, WAITING);
    article.source = {
      ...article.source,
      name: `${parsed.service} export ${file}`,
      importedFrom: { service: parsed.service, file, importedAt },
    };
    const saved = await library.add(article);
    const text = html ? articleText(await library.content(saved.id)) : undefined;
    const placed = placeHighlights(text, item.highlights, now());
    await library.update(saved.id, (meta) => {
      applyItem(meta, item, false);
      meta.highlights.push(...placed.highlights);
    });
    report.added++;
    if (!html) report.pending++;
    report.highlightsPlaced += placed.placed;
    report.highlightsOrphaned += placed.orphaned;
    return saved.id;
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
