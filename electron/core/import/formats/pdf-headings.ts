/**
 * Which lines of a PDF are headings, from their font size alone: the text
 * layer has no structure, only sizes. Consecutive lines of one size on one
 * page form a run (a heading wrapped onto two lines is one heading).
 *
 * A run is a heading when it is clearly larger than the body text
 * (HEADING_RATIO) and short (MAX_HEADING_LINES: a longer run of large text
 * is a lead paragraph). Only the MAX_LEVELS largest heading sizes become
 * h1 to h3; smaller large sizes are read as text, so a document with many
 * sizes does not turn into a cascade of headings.
 *
 * The opening of the first page (its lines before the first body-size one)
 * is front matter: its largest run is the title, the one h1 there; the rest
 * (author, affiliation, date) are paragraphs, unless their size is one the
 * document's later headings use (a title followed at once by a section
 * heading). A first page that is all large text is a title page, and every
 * line on it but the title is a paragraph.
 */

export interface SizedLine {
  text: string;
  size: number;
  page: number;
}

export interface Run<L extends SizedLine> {
  lines: L[];
  size: number;
  /** 1 to 3 for a heading, 0 for text. */
  level: number;
}

/** A line at least this many times the body size may be a heading. */
export const HEADING_RATIO = 1.2;
/** A run of large text longer than this is a lead paragraph, not a heading. */
export const MAX_HEADING_LINES = 3;
const MAX_LEVELS = 3;

function runsOf<L extends SizedLine>(lines: L[]): Run<L>[] {
  const runs: Run<L>[] = [];
  for (const line of lines) {
    const last = runs[runs.length - 1];
    if (last && last.size === line.size && last.lines[0]?.page === line.page) last.lines.push(line);
    else runs.push({ lines: [line], size: line.size, level: 0 });
  }
  return runs;
}

/** The text of a run, its lines joined. */
export function runText(run: Run<SizedLine>): string {
  return run.lines.map((line) => line.text).join(' ');
}

/** `lines` as runs with their heading level, and the document's title (the front matter's, else the first h1). */
export function headingRuns<L extends SizedLine>(
  lines: L[],
  body: number,
): { runs: Run<L>[]; title: string | null } {
  const runs = runsOf(lines);
  const large = (run: Run<L>) => run.size >= body * HEADING_RATIO;
  const firstPage = lines[0]?.page;
  let opening = 0;
  while (opening < runs.length && runs[opening]!.lines[0]!.page === firstPage && large(runs[opening]!)) {
    opening++;
  }
  const titlePage = opening > 0 && runs[opening]?.lines[0]?.page !== firstPage;
  const front = runs.slice(0, opening);
  const titleRun = front.reduce<Run<L> | null>(
    (best, run) => (!best || run.size > best.size ? run : best),
    null,
  );
  const later = runs.slice(opening).filter((run) => large(run) && run.lines.length <= MAX_HEADING_LINES);
  const laterSizes = new Set(later.map((run) => run.size));
  const sizes = [...new Set([...laterSizes, ...(titleRun ? [titleRun.size] : [])])]
    .sort((a, b) => b - a)
    .slice(0, MAX_LEVELS);
  const levelOf = (size: number) => sizes.indexOf(size) + 1;
  for (const run of front) {
    if (run === titleRun) run.level = 1;
    else if (!titlePage && laterSizes.has(run.size)) run.level = levelOf(run.size);
  }
  for (const run of later) run.level = levelOf(run.size);
  const first = titleRun ?? runs.find((run) => run.level === 1);
  return { runs, title: first ? runText(first) : null };
}
