/**
 * Reading order for a PDF page laid out in two columns. A PDF's text layer
 * keeps the order its producer wrote, and many producers write a page line by
 * line straight across both columns, so reading in stream order interleaves
 * them. A page has columns when a vertical gutter near its middle is crossed
 * by (almost) no text; its fragments are then read as: what spans the gutter
 * above the columns (titles, bylines), the left column, the right column, then
 * what spans it below (footnotes). Stream order is kept within each part, so
 * a single-column page comes back exactly as it was given.
 */

export interface Fragment {
  text: string;
  /** Left and right edges and baseline, in PDF points from the page's bottom left. */
  x0: number;
  x1: number;
  y: number;
}

/** Buckets the width is cut into when looking for the gutter. */
const BUCKET = 2;
/** A gutter is narrower than this share of columns' own lines crossing it. */
const CROSSING_TOLERANCE = 0.1;
/** Each column holds at least this share of the page's characters. */
const MIN_COLUMN_SHARE = 0.2;
/** A column's line counts as full when it ends within this share of the column's width from its edge. */
const FULL_LINE_SLACK = 0.2;
/** Narrowest gap between columns, in points. */
const MIN_GUTTER = 8;

/** The x of the widest clear vertical band in the page's middle half, or null for a single column. */
function gutterOf(all: Fragment[], pageWidth: number): number | null {
  // pdf.js fills the gap between two runs on one baseline with a space as wide as the gap.
  const fragments = all.filter((f) => f.text.trim());
  const buckets = Math.ceil(pageWidth / BUCKET);
  const crossings = new Array<number>(buckets).fill(0);
  for (const { x0, x1 } of fragments) {
    const last = Math.min(buckets - 1, Math.floor(x1 / BUCKET));
    for (let b = Math.max(0, Math.floor(x0 / BUCKET)); b <= last; b++) crossings[b]! += 1;
  }
  // A title above and a footnote below may cross even a short page's gutter.
  const allowed = Math.max(2, Math.floor(fragments.length * CROSSING_TOLERANCE));
  let best: { start: number; length: number } | null = null;
  let start = -1;
  const from = Math.floor(buckets * 0.25);
  const to = Math.ceil(buckets * 0.75);
  for (let b = from; b <= to; b++) {
    const clear = b < to && crossings[b]! <= allowed;
    if (clear && start < 0) start = b;
    if (!clear && start >= 0) {
      if (!best || b - start > best.length) best = { start, length: b - start };
      start = -1;
    }
  }
  if (!best || best.length * BUCKET < MIN_GUTTER) return null;
  const gutter = (best.start + best.length / 2) * BUCKET;
  const total = fragments.reduce((sum, f) => sum + f.text.length, 0);
  const left = fragments.reduce((sum, f) => sum + (f.x1 <= gutter ? f.text.length : 0), 0);
  const right = fragments.reduce((sum, f) => sum + (f.x0 >= gutter ? f.text.length : 0), 0);
  if (left < total * MIN_COLUMN_SHARE || right < total * MIN_COLUMN_SHARE) return null;
  return fillsToGutter(fragments.filter((f) => f.x1 <= gutter)) ? gutter : null;
}

/**
 * Prose in a column runs to the column's edge on most lines; the first column
 * of a table (labels, dates) is ragged and short. Rows of a table are better
 * read across than down, so such a page is not split.
 */
function fillsToGutter(left: Fragment[]): boolean {
  const lineEnds = new Map<number, number>();
  for (const f of left) lineEnds.set(Math.round(f.y), Math.max(lineEnds.get(Math.round(f.y)) ?? 0, f.x1));
  const start = Math.min(...left.map((f) => f.x0));
  const edge = Math.max(...lineEnds.values());
  const full = [...lineEnds.values()].filter((end) => end >= edge - (edge - start) * FULL_LINE_SLACK);
  return full.length * 2 >= lineEnds.size;
}

export function readingOrder<F extends Fragment>(fragments: F[], pageWidth: number): F[] {
  const gutter = gutterOf(fragments, pageWidth);
  if (gutter === null) return fragments;
  const left = fragments.filter((f) => f.x1 <= gutter);
  const right = fragments.filter((f) => f.x0 >= gutter);
  const spanning = fragments.filter((f) => f.x0 < gutter && f.x1 > gutter && f.text.trim());
  const columnsTop = Math.max(...[...left, ...right].map((f) => f.y));
  return [
    ...spanning.filter((f) => f.y > columnsTop),
    ...left,
    ...right,
    ...spanning.filter((f) => f.y <= columnsTop),
  ];
}
