/**
 * Articles as Markdown files for notes apps (Obsidian, Logseq): one file per
 * article, named by file-names.ts, shaped by a template (template.ts) whose
 * default gives YAML front matter, the note, the highlights as quotes in
 * document order with colour, note and a lectern:// link, and optionally the
 * text. The fields a template may use are MARKDOWN_FIELDS, documented there.
 *
 * Re-exporting into the same folder rewrites Lectern's part of each file and
 * keeps, byte for byte, whatever the person wrote below END_MARKER. A file
 * of ours whose marker line was removed is left alone and reported, since
 * Lectern can no longer tell its part from theirs. Each file is written
 * whole under a temporary name and renamed (output.ts).
 *
 * With the text, the article's images are copied to an assets/ folder
 * beside the files; their names are content hashes, so articles share it.
 */
import { copyFile, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { highlightText } from '../../shared/annotation';
import type { ArticleMeta } from '../../shared/article';
import { isAssetName } from '../../shared/assets';
import { mapBounded } from '../../shared/async';
import { writeFileAtomic } from '../files/atomic-write';
import type { Library } from '../library/library';
import { readArticle, throwIfCancelled, type ExportProgress } from './articles';
import { articleFileName, shortId, shortIdOf } from './file-names';
import { htmlToMarkdown } from './html-to-markdown';
import { lecternLink } from './lectern-link';
import { ensureWritableFolder, outputError } from './output';
import { parseTemplate, renderTemplate, type Template, type TemplateFields } from './template';

export const END_MARKER = '<!-- lectern:end — write below this line, Lectern keeps it -->';

/** Every field a Markdown template can name, with what it holds. */
export const MARKDOWN_FIELDS = {
  frontMatter: 'the YAML front matter block, "---" lines included',
  id: 'the Lectern id',
  title: 'the title',
  author: 'the byline, or empty',
  site: 'the site name, or empty',
  url: 'the web address, or empty',
  published: 'the publication date (ISO 8601), or empty',
  saved: 'when it was saved (ISO 8601)',
  state: '"inbox" or "archived"',
  tags: 'the tags, comma-separated',
  link: 'the lectern:// address that opens the article',
  note: 'the article’s note (Markdown), or empty',
  text: 'the article text as Markdown, when the export includes it; else empty',
  hasHighlights: 'true when the article has highlights',
  highlights: {
    quote: 'the highlighted words, each line starting "> "',
    exact: 'the highlighted words as they are',
    color: 'yellow, green, blue, pink or purple',
    note: 'the highlight’s note (Markdown), or empty',
    link: 'the lectern:// address that opens the article at this highlight',
    id: 'the highlight’s id',
  },
} as const;

export const DEFAULT_MARKDOWN_TEMPLATE = `{{frontMatter}}

# {{title}}

{{#url}}
Source: <{{url}}>

{{/url}}
{{#note}}
## Note

{{note}}

{{/note}}
{{#hasHighlights}}
## Highlights

{{/hasHighlights}}
{{#highlights}}
{{quote}}

— {{color}} · [open in Lectern]({{link}})
{{#note}}

{{note}}
{{/note}}

{{/highlights}}
{{#text}}
## Text

{{text}}

{{/text}}
`;

const KNOWN = Object.fromEntries(
  Object.entries(MARKDOWN_FIELDS).map(([name, doc]) => [
    name,
    typeof doc === 'string' ? true : Object.keys(doc),
  ]),
) as Record<string, true | string[]>;

/** Checks a template against the field list; throws a LecternError naming what is wrong. */
export function markdownTemplate(source: string = DEFAULT_MARKDOWN_TEMPLATE): Template {
  return parseTemplate(source, KNOWN);
}

/** A YAML scalar: JSON's double-quoted strings are valid YAML and need no further rules. */
const yamlValue = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));

export function frontMatter(meta: ArticleMeta): string {
  const lines = [
    '---',
    `title: ${yamlValue(meta.title)}`,
    `author: ${yamlValue(meta.byline)}`,
    `site: ${yamlValue(meta.siteName)}`,
    `url: ${yamlValue(meta.url)}`,
    `published: ${yamlValue(meta.published)}`,
    `saved: ${yamlValue(meta.addedAt)}`,
    meta.tags.length > 0
      ? `tags:\n${meta.tags.map((tag) => `  - ${yamlValue(tag)}`).join('\n')}`
      : 'tags: []',
    `state: ${meta.status}`,
    `lectern: ${yamlValue(meta.id)}`,
    '---',
  ];
  return lines.join('\n');
}

function fieldsOf(meta: ArticleMeta, text: string): TemplateFields {
  return {
    frontMatter: frontMatter(meta),
    id: meta.id,
    title: meta.title,
    author: meta.byline ?? '',
    site: meta.siteName ?? '',
    url: meta.url ?? '',
    published: meta.published ?? '',
    saved: meta.addedAt,
    state: meta.status,
    tags: meta.tags.join(', '),
    link: lecternLink(meta.id),
    note: meta.note.trim(),
    text,
    hasHighlights: meta.highlights.length > 0,
    highlights: meta.highlights.map((h) => ({
      quote: highlightText(h)
        .split('\n')
        .map((line) => `> ${line}`.trimEnd())
        .join('\n'),
      exact: highlightText(h),
      color: h.color,
      note: h.note.trim(),
      link: lecternLink(meta.id, h.id),
      id: h.id,
    })),
  };
}

/** Articles exported at once: enough to keep the disk busy, few enough to keep memory flat. */
const MARKDOWN_CONCURRENCY = 8;

export interface MarkdownOptions extends ExportProgress {
  includeText?: boolean;
  /** Template source; the default when absent. */
  template?: string;
}

export interface MarkdownResult {
  /** Files written (new or updated). */
  written: number;
  /** Files of ours left alone because their marker line is gone, by name. */
  skipped: string[];
}

/** What the person wrote below the marker, or null when the file has no marker. */
function keptPart(existing: string): string | null {
  const at = existing.indexOf(END_MARKER);
  return at < 0 ? null : existing.slice(at + END_MARKER.length);
}

async function copyAssets(library: Library, id: string, html: string, folder: string): Promise<void> {
  const names = new Set(
    [...html.matchAll(/assets\/([^"'\s)]+)/g)].map((m) => m[1] as string).filter(isAssetName),
  );
  if (names.size === 0) return;
  await ensureWritableFolder(join(folder, 'assets'));
  const place = library.summary(id).trashedAt === null ? 'articles' : 'trash';
  for (const name of names) {
    const target = join(folder, 'assets', name);
    if (
      await stat(target).then(
        () => true,
        () => false,
      )
    )
      continue;
    await copyFile(join(library.dir, place, id, 'assets', name), target).catch((error: unknown) => {
      throw outputError(target, error);
    });
  }
}

export async function exportMarkdown(
  library: Library,
  ids: readonly string[],
  folder: string,
  options: MarkdownOptions = {},
): Promise<MarkdownResult> {
  const template = markdownTemplate(options.template);
  await ensureWritableFolder(folder);
  const existing = new Map<string, string>();
  for (const name of await readdir(folder)) {
    const id = shortIdOf(name, 'md');
    if (id) existing.set(id, name);
  }
  const result: MarkdownResult = { written: 0, skipped: [] };
  let done = 0;
  // Each article is its own files, so a few are read, rendered and written at
  // once: the time goes to waiting on the disk (a read, a write and an fsync
  // each), which overlaps well, not to the CPU.
  await mapBounded(ids, MARKDOWN_CONCURRENCY, async (id) => {
    throwIfCancelled(options.signal);
    const { meta, html } = await readArticle(library, id, options.includeText === true);
    const name = articleFileName(meta.title, meta.id, 'md');
    const candidate = existing.get(shortId(meta.id));
    const previousText = candidate ? await readFile(join(folder, candidate), 'utf8') : '';
    // Ours only when it names this article: another's file is never touched.
    const previous = previousText.includes(meta.id) ? candidate : undefined;
    let kept = '\n';
    if (previous) {
      const part = keptPart(previousText);
      if (part === null) {
        result.skipped.push(previous);
        options.onProgress?.(++done, ids.length);
        return;
      }
      kept = part;
    }
    const text = options.includeText ? htmlToMarkdown(html) : '';
    if (options.includeText) await copyAssets(library, meta.id, html, folder);
    const body = renderTemplate(template, fieldsOf(meta, text)).replace(/\n*$/, '\n\n');
    const path = join(folder, name);
    throwIfCancelled(options.signal);
    // The folder was checked once above; each file is still written whole, then renamed.
    await writeFileAtomic(path, `${body}${END_MARKER}${kept}`).catch((error: unknown) => {
      throw outputError(path, error);
    });
    if (previous && previous !== name) await rm(join(folder, previous), { force: true });
    existing.set(shortId(meta.id), name);
    result.written++;
    options.onProgress?.(++done, ids.length);
  });
  result.skipped.sort();
  return result;
}
