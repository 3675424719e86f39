/**
 * The text of an article, defined once. Highlight positions
 * (TextPositionSelector) count characters in this text, so every place that
 * turns a position into content — the reader's DOM, the backend should it ever
 * compute one — must see the same string.
 *
 * Definition: the concatenation of the data of every Text node under the
 * content root, in document order. Nothing is collapsed or added: no
 * whitespace normalization, no newlines between blocks. That is exactly
 * `root.textContent` in any DOM (browser, linkedom, jsdom), so it needs no
 * layout and costs one tree walk. The trade-off is that the text keeps the
 * source's incidental whitespace; quote matching (match-quote.ts) absorbs
 * differences there, so precision is not lost.
 *
 * The module works over a structural subset of DOM Node, so it runs on the
 * browser's DOM and on a server-side DOM without importing either.
 */

export const TEXT_NODE = 3;

/** The part of DOM Node this module reads. */
export interface TextModelNode {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<TextModelNode>;
  readonly parentNode: TextModelNode | null;
  readonly nextSibling: TextModelNode | null;
  /** Where present (any DOM), Text nodes are found with the DOM's own TreeWalker. */
  readonly ownerDocument?: {
    createTreeWalker(root: TextModelNode, whatToShow: number): { nextNode(): TextModelNode | null };
  } | null;
}

/** NodeFilter.SHOW_TEXT. */
const SHOW_TEXT = 4;

/** A point in the DOM: a Text node and a character offset in it. */
export interface TextPoint<N extends TextModelNode = TextModelNode> {
  node: N;
  offset: number;
}

/**
 * The Text nodes under `root` in document order, in one pass: the DOM's own
 * TreeWalker where there is one (native, several times faster than walking
 * childNodes from script on a long article), else an explicit stack.
 */
function* textNodes<N extends TextModelNode>(root: N): Generator<N> {
  if (root.nodeType === TEXT_NODE) {
    yield root;
    return;
  }
  const walker = root.ownerDocument?.createTreeWalker(root, SHOW_TEXT);
  if (walker) {
    for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node as N;
    return;
  }
  const stack: N[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as N;
    if (node.nodeType === TEXT_NODE) {
      yield node;
      continue;
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as N);
  }
}

/**
 * The text of one content root, with where each Text node starts in it.
 * Built once per rendering; converting a position is a binary search.
 */
export class TextIndex<N extends TextModelNode = TextModelNode> {
  readonly text: string;
  readonly nodes: N[] = [];
  readonly starts: number[] = [];
  readonly #startOf = new Map<N, number>();

  constructor(readonly root: N) {
    const parts: string[] = [];
    let length = 0;
    for (const node of textNodes(root)) {
      const data = node.nodeValue ?? '';
      this.nodes.push(node);
      this.starts.push(length);
      this.#startOf.set(node, length);
      parts.push(data);
      length += data.length;
    }
    this.text = parts.join('');
  }

  /**
   * The Text node and offset where text position `offset` lies. A position on
   * the boundary between two nodes belongs to the later one when `side` is
   * 'forward' (a range's start) and to the earlier one when 'backward' (its
   * end), so ranges never reach into a neighbour they do not cover.
   */
  pointAt(offset: number, side: 'forward' | 'backward'): TextPoint<N> | null {
    if (this.nodes.length === 0 || offset < 0 || offset > this.text.length) return null;
    let low = this.nodeIndexAt(offset, side);
    // Skip empty nodes so a forward start lands on a node with text after it.
    while (side === 'forward' && low < this.nodes.length - 1 && this.#length(low) === 0) low++;
    const node = this.nodes[low] as N;
    const offsetInNode = Math.min(Math.max(0, offset - (this.starts[low] as number)), this.#length(low));
    return { node, offset: offsetInNode };
  }

  /**
   * The index in `nodes` of the last Text node starting before `offset`, or
   * at it when `side` is 'forward' (see pointAt); 0 when there is none.
   */
  nodeIndexAt(offset: number, side: 'forward' | 'backward'): number {
    let low = 0;
    let high = this.nodes.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      const start = this.starts[mid] as number;
      if (start < offset || (side === 'forward' && start === offset)) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /**
   * The text position of a DOM boundary point (a Range's container and
   * offset): for a Text node, its start plus the offset; for an element, the
   * start of the first Text node at or after the boundary.
   */
  offsetOf(container: N, offset: number): number | null {
    const start = this.#startOf.get(container);
    if (start !== undefined) return start + Math.min(offset, container.nodeValue?.length ?? 0);
    if (!this.#contains(container)) return null;
    let next: N | null = (container.childNodes[offset] as N | undefined) ?? this.#after(container);
    while (next) {
      const first = this.#firstText(next);
      if (first) return this.#startOf.get(first) ?? null;
      next = this.#after(next);
    }
    return this.text.length;
  }

  #length(index: number): number {
    return this.nodes[index]?.nodeValue?.length ?? 0;
  }

  #contains(node: N): boolean {
    for (let current: N | null = node; current; current = current.parentNode as N | null) {
      if (current === this.root) return true;
    }
    return false;
  }

  /** The node after `node`'s subtree in document order, within the root. */
  #after(node: N): N | null {
    for (let current: N | null = node; current && current !== this.root;) {
      if (current.nextSibling) return current.nextSibling as N;
      current = current.parentNode as N | null;
    }
    return null;
  }

  #firstText(node: N): N | null {
    if (node.nodeType === TEXT_NODE) return node;
    for (let i = 0; i < node.childNodes.length; i++) {
      const found = this.#firstText(node.childNodes[i] as N);
      if (found) return found;
    }
    return null;
  }
}
