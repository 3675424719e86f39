/**
 * Reader HTML to Markdown (CommonMark with GitHub tables' pipes kept out),
 * for the text of an article in a notes app. It covers the sanitized subset
 * content.html holds (headings, paragraphs, emphasis, code, quotes, lists,
 * links, images, rules, figures, tables) rather than arbitrary HTML: no
 * dependency is needed for that, and each case is tested. Anything else is
 * reduced to its text, so nothing is lost, only its markup. Text is escaped
 * where Markdown would read it as syntax. Text the page hid for screen
 * readers (a "Photo" label before a picture, marked at import) is left out:
 * Markdown has no way to keep it out of sight, and shown it is a stray word.
 */
import { parseHTML } from 'linkedom';
import { SCREEN_READER_ONLY } from '../import/formats/screen-reader-text';

/** Escapes characters Markdown would take as syntax inside running text. */
function escapeText(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .replace(/^(\s*)([#+-])(\s)/gm, '$1\\$2$3')
    .replace(/^(\s*\d+)([.)])(\s)/gm, '$1\\$2$3')
    .replace(/^(\s*)>/gm, '$1\\>');
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

function codeFence(code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(longest + 1);
}

function inlineCode(code: string): string {
  const ticks = '`'.repeat(Math.max(0, ...(code.match(/`+/g) ?? []).map((r) => r.length)) + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${code}${pad}${ticks}`;
}

const linkTarget = (url: string) =>
  /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;

function inline(node: Node): string {
  if (node.nodeType === 3) return escapeText(squeeze(node.textContent ?? ''));
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  const inner = () => [...element.childNodes].map(inline).join('');
  switch (element.localName) {
    case 'strong':
    case 'b': {
      const text = inner().trim();
      return text ? `**${text}**` : '';
    }
    case 'em':
    case 'i':
    case 'cite': {
      const text = inner().trim();
      return text ? `*${text}*` : '';
    }
    case 'code':
      return inlineCode(element.textContent ?? '');
    case 'br':
      return '\\\n';
    case 'a': {
      const href = element.getAttribute('href');
      const text = inner().trim();
      return href ? `[${text || escapeText(href)}](${linkTarget(href)})` : text;
    }
    case 'img': {
      const src = element.getAttribute('src');
      return src ? `![${escapeText(element.getAttribute('alt') ?? '')}](${linkTarget(src)})` : '';
    }
    default:
      return inner();
  }
}

function indent(text: string, by: string): string {
  return text.replace(/\n(?=.)/g, `\n${by}`);
}

function blocks(parent: Node): string[] {
  const out: string[] = [];
  let run = '';
  const flush = () => {
    if (run.trim()) out.push(run.trim());
    run = '';
  };
  for (const node of parent.childNodes) {
    const block = node.nodeType === 1 ? blockOf(node as Element) : null;
    if (block === null) run += inline(node);
    else {
      flush();
      if (block) out.push(block);
    }
  }
  flush();
  return out;
}

const joinBlocks = (parts: string[]) => parts.join('\n\n');

function list(element: Element, ordered: boolean): string {
  let number = Number(element.getAttribute('start') ?? '1') || 1;
  const items = [...element.children].filter((child) => child.localName === 'li');
  return items
    .map((item) => {
      const marker = ordered ? `${number++}. ` : '- ';
      const body = joinBlocks(blocks(item));
      return marker + indent(body, ' '.repeat(marker.length));
    })
    .join('\n');
}

function table(element: Element): string {
  const rows = [...element.querySelectorAll('tr')].map((row) =>
    [...row.children].map((cell) => inline(cell).trim().replace(/\n/g, ' ')),
  );
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [head, ...body] = rows as [string[], ...string[][]];
  return [line(head), line(Array.from({ length: width }, () => '---')), ...body.map(line)].join('\n');
}

/** The Markdown for a block element, or null when the element is inline. */
function blockOf(element: Element): string | null {
  const name = element.localName;
  const heading = /^h([1-6])$/.exec(name);
  if (heading) return `${'#'.repeat(Number(heading[1]))} ${inline(element).trim().replace(/\n/g, ' ')}`;
  switch (name) {
    case 'p':
      return inline(element).trim();
    case 'blockquote':
      return joinBlocks(blocks(element))
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    case 'pre': {
      const code = (element.textContent ?? '').replace(/\n$/, '');
      const fence = codeFence(code);
      return `${fence}\n${code}\n${fence}`;
    }
    case 'ul':
      return list(element, false);
    case 'ol':
      return list(element, true);
    case 'hr':
      return '---';
    case 'table':
      return table(element);
    case 'figure':
    case 'div':
    case 'section':
    case 'article':
    case 'header':
    case 'footer':
    case 'aside':
    case 'main':
    case 'figcaption':
    case 'li':
    case 'dl':
    case 'dt':
    case 'dd':
      return joinBlocks(blocks(element));
    default:
      return null;
  }
}

export function htmlToMarkdown(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const hidden of document.querySelectorAll(`[${SCREEN_READER_ONLY}]`)) hidden.remove();
  return joinBlocks(blocks(document.body));
}
