/**
 * Omnivore's export zip: `metadata_*.json` arrays of items (title, author,
 * description, url, labels, state, savedAt, readingProgress 0–100),
 * `content/{slug}.html` with the saved article, and `highlights/{slug}.md`
 * where a highlight is a block starting with `> `, followed by its labels
 * and note. Omnivore had no favourites; `Archived` is the only state
 * besides the inbox. Images in the content point at Omnivore's image proxy,
 * which is gone, so the original address is put back.
 */
import { textDate } from './export-dates';
import { ExportCollector, type ExportedHighlight, type ParsedExport } from './exported-item';
import { readJsonItems, stringList, text } from './json-export';

export interface OmnivoreFiles {
  /** Each metadata file's name and text. */
  metadata: { name: string; text: string }[];
  /** Saved articles by slug. */
  content: Map<string, string>;
  /** Highlight Markdown by slug. */
  highlights: Map<string, string>;
}

const IMAGE_PROXY = /https:\/\/proxy-prod\.omnivore-image-cache\.app\/\d+x\d+,[A-Za-z0-9_-]+\//g;

export function parseOmnivore(files: OmnivoreFiles, archive: string): ParsedExport {
  const all = new ExportCollector('omnivore', archive);
  for (const { name, text: json } of files.metadata) {
    const collect = new ExportCollector('omnivore', `${archive} › ${name}`);
    readJsonItems(json, collect, (item, raw) => {
      const author = text(raw.author);
      if (author) item.author = author;
      const excerpt = text(raw.description);
      if (excerpt) item.excerpt = excerpt;
      item.tags = stringList(raw.labels);
      item.state = raw.state === 'Archived' ? 'archive' : 'inbox';
      const savedAt = textDate(raw.savedAt);
      if (savedAt !== undefined) item.savedAt = savedAt;
      const progress = typeof raw.readingProgress === 'number' ? raw.readingProgress : NaN;
      if (progress > 0 && progress <= 100) item.progress = progress / 100;
      const slug = text(raw.slug);
      const html = slug === undefined ? undefined : files.content.get(slug);
      if (html) item.html = html.replace(IMAGE_PROXY, '');
      const markdown = slug === undefined ? undefined : files.highlights.get(slug);
      if (markdown) item.highlights = omnivoreHighlights(markdown);
    });
    all.items.push(...collect.items);
    all.problems.push(...collect.problems);
  }
  return all.result();
}

/**
 * Reads `highlights/{slug}.md`: blocks split on blank lines; a block
 * starting with `>` opens a highlight, a block of `#labels` is skipped, and
 * other blocks are the note of the highlight before them.
 */
export function omnivoreHighlights(markdown: string): ExportedHighlight[] {
  const highlights: ExportedHighlight[] = [];
  for (const block of markdown.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const trimmed = block.trim();
    if (!trimmed) continue;
    const last = highlights.at(-1);
    if (trimmed.startsWith('>')) {
      const quote = trimmed.replace(/^>\s?/gm, '').trim();
      if (last && !last.note && /^>\s*$/.test(block.split('\n')[0] ?? '')) last.quote += `\n\n${quote}`;
      else if (quote) highlights.push({ quote });
    } else if (/^(#\S+\s*)+$/.test(trimmed)) continue;
    else if (last) last.note = last.note ? `${last.note}\n\n${trimmed}` : trimmed;
  }
  return highlights;
}
