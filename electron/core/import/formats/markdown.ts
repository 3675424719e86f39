/**
 * Markdown to reader HTML with markdown-it (CommonMark). Raw HTML inside the
 * Markdown is escaped rather than passed through, and the output still goes
 * through the sanitizer like every import. The first level-one heading is
 * the title, and is taken out of the body so the reader does not show it twice.
 *
 * YAML front matter (the `---` block static-site generators put first) is
 * read for the title, author, date and language and taken out of the body;
 * only the plain `key: value` and list forms those blocks use are read, not
 * YAML at large, since nothing else in it is shown.
 */
import MarkdownIt from 'markdown-it';
import { parseDate } from './metadata';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });

export interface MarkdownArticle {
  title: string | null;
  byline: string | null;
  /** ISO 8601. */
  published: string | null;
  lang: string | null;
  html: string;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

const unquoted = (value: string) =>
  value
    .trim()
    .replace(/^(["'])(.*)\1$/, '$2')
    .trim();

/** The front matter's keys, lower-cased, each with its value or list of values. */
function frontMatter(block: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let listKey: string | null = null;
  for (const line of block.split(/\r?\n/)) {
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
    if (item && listKey) {
      fields.get(listKey)!.push(unquoted(item[1]!.replace(/^name:\s*/, '')));
      continue;
    }
    const pair = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
    if (!pair) continue;
    const key = pair[1]!.toLowerCase();
    const value = pair[2]!.trim();
    listKey = value === '' ? key : null;
    const inline = /^\[(.*)\]$/.exec(value);
    fields.set(key, inline ? inline[1]!.split(',').map(unquoted) : value === '' ? [] : [unquoted(value)]);
  }
  return fields;
}

function first(fields: Map<string, string[]>, ...keys: string[]): string | null {
  for (const key of keys) {
    const values = fields.get(key)?.filter(Boolean);
    if (values?.length) return values.join(', ');
  }
  return null;
}

export function renderMarkdown(source: string): MarkdownArticle {
  let text = source.replace(/^\ufeff/, '');
  const matter = FRONT_MATTER.exec(text);
  const fields = matter ? frontMatter(matter[1]!) : new Map<string, string[]>();
  if (matter) text = text.slice(matter[0].length);
  const tokens = markdown.parse(text, {});
  let title: string | null = first(fields, 'title');
  const open = tokens.findIndex((token) => token.type === 'heading_open' && token.tag === 'h1');
  const heading = open >= 0 ? tokens[open + 1]?.content.trim() || null : null;
  // The heading goes when it is the title, so the reader does not show it twice.
  if (
    heading &&
    tokens.slice(0, open).every((token) => token.type === 'hr') &&
    (title ?? heading) === heading
  ) {
    title = heading;
    tokens.splice(open, 3);
  }
  return {
    title,
    byline: first(fields, 'author', 'authors', 'creator', 'byline'),
    published: parseDate(first(fields, 'date', 'published', 'pubdate', 'created')),
    lang: first(fields, 'lang', 'language', 'locale'),
    html: markdown.renderer.render(tokens, markdown.options, {}),
  };
}
