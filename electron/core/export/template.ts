/**
 * A small mustache-like template for the shape of each exported Markdown
 * file. It knows four tags, which is all a note's shape needs, and nothing
 * that runs code:
 *
 *   {{field}}              the field's value, inserted as is (Markdown, not HTML: no escaping)
 *   {{#field}}…{{/field}}  a list: the inside once per item, with the item's fields;
 *                          anything else: the inside once when the value is non-empty
 *   {{^field}}…{{/field}}  the inside once when the value is empty or missing
 *
 * A line holding only a section tag leaves no blank line behind. A field the
 * template names that does not exist is refused when the template is
 * checked, so a typo shows up as a sentence, not as a silently empty file.
 */
import { LecternError } from '../../shared/errors';

export type TemplateValue = string | boolean | TemplateFields[];
export interface TemplateFields {
  [field: string]: TemplateValue;
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'field'; name: string }
  | { kind: 'section'; name: string; inverted: boolean; children: Node[] };

const TAG = /\{\{\s*([#^/]?)\s*([A-Za-z][\w]*)\s*\}\}/g;

function invalid(reason: string): LecternError {
  return new LecternError('invalid-argument', `The Markdown template cannot be used: ${reason}.`);
}

export interface Template {
  nodes: Node[];
}

/**
 * Parses `source`; `known` lists the top-level fields and, for each list
 * field, the fields of its items.
 */
export function parseTemplate(source: string, known: Record<string, readonly string[] | true>): Template {
  const text = source.replace(/^[ \t]*(\{\{\s*[#^/][^}]*\}\})[ \t]*\r?\n/gm, '$1');
  const root: Node[] = [];
  const stack: { name: string; children: Node[] }[] = [{ name: '', children: root }];
  let last = 0;
  for (const match of text.matchAll(TAG)) {
    const [whole, sigil, name] = match as unknown as [string, string, string];
    const top = stack[stack.length - 1] as { name: string; children: Node[] };
    if (match.index > last) top.children.push({ kind: 'text', text: text.slice(last, match.index) });
    last = match.index + whole.length;
    const allowed = new Set([
      ...Object.keys(known),
      ...stack.flatMap((open) => {
        const item = known[open.name];
        return Array.isArray(item) ? item : [];
      }),
    ]);
    if (sigil !== '/' && !allowed.has(name))
      throw invalid(`it names {{${name}}}, which is not one of the fields`);
    if (sigil === '/') {
      if (top.name !== name) throw invalid(`{{/${name}}} closes a section that is not open`);
      stack.pop();
    } else if (sigil === '') {
      top.children.push({ kind: 'field', name });
    } else {
      const section: Node = { kind: 'section', name, inverted: sigil === '^', children: [] };
      top.children.push(section);
      stack.push({ name, children: section.children });
    }
  }
  if (stack.length > 1)
    throw invalid(`the section {{#${(stack[stack.length - 1] as { name: string }).name}}} is never closed`);
  if (last < text.length) root.push({ kind: 'text', text: text.slice(last) });
  return { nodes: root };
}

function present(value: TemplateValue | undefined): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== false && value !== '';
}

function renderNodes(nodes: Node[], scopes: TemplateFields[]): string {
  const lookup = (name: string) => {
    for (let i = scopes.length - 1; i >= 0; i--)
      if (name in (scopes[i] as TemplateFields)) return scopes[i]?.[name];
    return undefined;
  };
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'field') {
      const value = lookup(node.name);
      out += typeof value === 'string' ? value : '';
    } else {
      const value = lookup(node.name);
      if (node.inverted) {
        if (!present(value)) out += renderNodes(node.children, scopes);
      } else if (Array.isArray(value)) {
        for (const item of value) out += renderNodes(node.children, [...scopes, item]);
      } else if (present(value)) out += renderNodes(node.children, scopes);
    }
  }
  return out;
}

export function renderTemplate(template: Template, fields: TemplateFields): string {
  return renderNodes(template.nodes, [fields]);
}
