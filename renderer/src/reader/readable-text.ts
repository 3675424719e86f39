/**
 * The words of a span as a person reads them. The article's text model
 * (text-model.ts) is the content's text as stored, which runs blocks
 * together wherever the HTML had nothing between them ("…the quay.Next
 * morning…" across two list items). Positions must keep counting in that
 * text, so it cannot change; this gives the readable form alongside it: the
 * span's Text nodes, with the whitespace where one block ends and another
 * begins replaced by a single line break. One-line places (a menu, a
 * tooltip) show the break as a space, which CSS does on its own.
 */
import type { DomTextIndex } from './painter';
import { BLOCKS } from './progress';

function blockOf(node: Node, root: Node): Element | null {
  const block = node.parentElement?.closest(BLOCKS) ?? null;
  return block && root.contains(block) ? block : null;
}

export function readableText(index: DomTextIndex, start: number, end: number): string {
  const text = index.text;
  const first = index.pointAt(start, 'forward');
  if (!first || end <= start) return text.slice(start, end);
  let out = '';
  let at = start;
  let block = blockOf(first.node, index.root);
  let i = index.nodeIndexAt(start, 'forward');
  for (; i < index.nodes.length && (index.starts[i] as number) < end; i++) {
    const node = index.nodes[i] as Node;
    const nodeStart = index.starts[i] as number;
    const nodeEnd = nodeStart + (node.nodeValue?.length ?? 0);
    if (nodeEnd <= at) continue;
    const here = blockOf(node, index.root);
    const piece = text.slice(Math.max(at, nodeStart), Math.min(end, nodeEnd));
    if (here !== block && out.trim() !== '' && piece.trim() !== '') {
      out = `${out.trimEnd()}\n${piece.trimStart()}`;
    } else {
      out += piece;
    }
    if (piece.trim() !== '') block = here;
    at = Math.min(end, nodeEnd);
  }
  return out;
}
