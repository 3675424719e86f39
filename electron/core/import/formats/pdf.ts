/**
 * PDF to reader HTML from the text layer (pdfjs-dist). Text items are grouped
 * into lines by their baseline (two-column pages read column by column:
 * pdf-columns.ts), running headers, footers and page numbers are dropped
 * (pdf-running-lines.ts), lines go into paragraphs where the gap between
 * them is wider than the usual line spacing, and a short run of lines set
 * clearly larger than the body text (the most common size, weighted by
 * characters) becomes a heading, a title page giving one title
 * (pdf-headings.ts). Page images are left out: the reader keeps the words. A PDF with
 * no text layer is a scan, and is refused with a message saying so, rather
 * than stored as an empty article.
 *
 * Bounds (shared/limits.ts): compressed streams are checked for bombs before
 * pdf.js sees them (pdf-streams.ts). Pages are read up to MAX_PDF_PAGES, up
 * to MAX_PDF_TEXT_CHARS of text and for at most PDF_READ_MS; a PDF that
 * reaches any of them keeps the pages read so far, and the article ends with
 * a note saying how many of how many pages it holds and why. Keeping the
 * first part of a long book is more use than refusing it whole.
 */
import { LecternError } from '../../../shared/errors';
import { MAX_PDF_PAGES, MAX_PDF_TEXT_CHARS, megabytes, PDF_READ_MS } from '../../../shared/limits';
import { readingOrder, type Fragment } from './pdf-columns';
import { HEADING_RATIO, headingRuns, MAX_HEADING_LINES, runText } from './pdf-headings';
import { marginOf, withoutRunningLines, type Margin } from './pdf-running-lines';
import { parseDate } from './metadata';
import { checkPdfStreams } from './pdf-streams';

export interface PdfArticle {
  title: string;
  byline: string | null;
  /** ISO 8601: XMP's creation date, else the document information's. */
  published: string | null;
  html: string;
}

/** An XMP value as text: a string, or the items of a list (several creators) joined. */
function xmpText(value: unknown): string | null {
  const items = (Array.isArray(value) ? value : [value]).filter(
    (item): item is string => typeof item === 'string' && item.trim() !== '',
  );
  return items.length > 0 ? items.map((item) => item.trim()).join(', ') : null;
}

/** A PDF date ("D:20220603184000+02'00'") as ISO 8601. */
function pdfDate(value: string | undefined): string | null {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(
    value?.trim() ?? '',
  );
  if (!match) return null;
  const [, year, month = '01', day = '01', hour, minute = '00', second = '00', zone] = match;
  if (!hour) return parseDate(`${year}-${month}-${day}`);
  const offset = !zone || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5)}`;
  return parseDate(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
}

interface Line {
  text: string;
  size: number;
  y: number;
  page: number;
  margin: Margin;
}

const MIN_TEXT_CHARS = 20;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type PdfDocument = Awaited<ReturnType<typeof openPdf>>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

async function openPdf(bytes: Uint8Array, name: string) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given; keep the caller's intact.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (error) {
    const code = (error as { name?: string; code?: number }).name;
    if (code === 'PasswordException') {
      throw new LecternError(
        'unsupported-type',
        `${name} is protected by a password. Open it, save a copy without the password, and drop that.`,
      );
    }
    throw damaged(name);
  }
}

function damaged(name: string): LecternError {
  return new LecternError('extraction-failed', `${name} is damaged or is not a PDF Lectern can read.`);
}

interface PdfFragment extends Fragment {
  size: number;
}

async function pageFragments(page: PdfPage): Promise<PdfFragment[]> {
  const fragments: PdfFragment[] = [];
  for (const item of (await page.getTextContent()).items) {
    if (!('str' in item) || item.str === '') continue;
    const [, , c, d, x, y] = item.transform as number[];
    const x0 = x ?? 0;
    fragments.push({
      text: item.str,
      x0,
      x1: x0 + item.width,
      y: y ?? 0,
      size: Math.round(Math.hypot(c ?? 0, d ?? 0) * 10) / 10,
    });
  }
  return fragments;
}

interface ReadLines {
  lines: Line[];
  /** Why reading stopped before the last page, or null when every page was read. */
  stopped: string | null;
  pagesRead: number;
}

/** The bounds on reading pages: shared/limits.ts, smaller in tests. */
export interface PdfLimits {
  maxPages: number;
  maxTextChars: number;
  readMs: number;
}

const PDF_LIMITS: PdfLimits = {
  maxPages: MAX_PDF_PAGES,
  maxTextChars: MAX_PDF_TEXT_CHARS,
  readMs: PDF_READ_MS,
};

/** Reads pages until the last or a limit; `started` is when opening began, as opening a long PDF takes seconds too. */
async function readLines(document: PdfDocument, limits: PdfLimits, started: number): Promise<ReadLines> {
  const lines: Line[] = [];
  let chars = 0;
  let stopped: string | null = null;
  let number = 1;
  for (; number <= document.numPages; number++) {
    if (number > limits.maxPages) stopped = `it reads at most ${limits.maxPages} pages of one PDF`;
    else if (chars > limits.maxTextChars)
      stopped = `it keeps at most ${megabytes(limits.maxTextChars)} of text from one PDF`;
    else if (number > 1 && performance.now() - started > limits.readMs)
      stopped = `reading more would take longer than ${limits.readMs / 1000} s`;
    if (stopped) break;
    const page = await document.getPage(number);
    const fragments = readingOrder(await pageFragments(page), page.getViewport({ scale: 1 }).width);
    const [, bottom = 0, , top = 0] = page.view;
    let current: Line | null = null;
    for (const { text, y, size } of fragments) {
      if (current && Math.abs(current.y - y) < Math.max(2, size * 0.3)) {
        current.text += text;
        current.size = Math.max(current.size, text.trim() ? size : 0);
      } else if (text.trim()) {
        current = { text, size, y, page: number, margin: marginOf(y, bottom, top) };
        lines.push(current);
      }
      chars += text.length;
    }
    page.cleanup();
  }
  return {
    lines: lines
      .map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() }))
      .filter((l) => l.text),
    stopped,
    pagesRead: number - 1,
  };
}

function bodySize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) weight.set(line.size, (weight.get(line.size) ?? 0) + line.text.length);
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

export async function readPdf(
  bytes: Uint8Array,
  name: string,
  limits: PdfLimits = PDF_LIMITS,
): Promise<PdfArticle> {
  const started = performance.now();
  checkPdfStreams(bytes, name);
  const document = await openPdf(bytes, name);
  try {
    const { lines, stopped, pagesRead } = await readLines(document, limits, started).catch(
      (error: unknown) => {
        // pdf.js opens a damaged file lazily: a broken page tree or stream shows when its page is read.
        if (error instanceof LecternError) throw error;
        throw damaged(name);
      },
    );
    if (lines.reduce((sum, line) => sum + line.text.length, 0) < MIN_TEXT_CHARS) {
      throw new LecternError(
        'extraction-failed',
        `${name} has no text layer: it looks like a scan. Lectern reads PDFs that contain text; run it through OCR first.`,
      );
    }
    const kept = withoutRunningLines(lines);
    const body = bodySize(kept);
    const { runs, title } = headingRuns(kept, body);
    const blocks: string[] = [];
    let paragraph: string[] = [];
    let previous: Line | null = null;
    const flush = () => {
      if (paragraph.length > 0)
        blocks.push(`<p>${escapeHtml(paragraph.join(' ').replace(/(\w)- (\w)/g, '$1$2'))}</p>`);
      paragraph = [];
    };
    for (const run of runs) {
      if (run.level > 0) {
        flush();
        blocks.push(`<h${run.level}>${escapeHtml(runText(run))}</h${run.level}>`);
        previous = run.lines[run.lines.length - 1] ?? null;
        continue;
      }
      // Large text that is not a heading is a paragraph of its own: a lead
      // (a long run) as one, a title page's author, affiliation and date line by line.
      const large = (line: Line | null) => line !== null && line.size >= body * HEADING_RATIO;
      const lineByLine = large(run.lines[0] ?? null) && run.lines.length <= MAX_HEADING_LINES;
      if (large(previous) || large(run.lines[0] ?? null)) flush();
      for (const line of run.lines) {
        const gap = previous && previous.page === line.page ? previous.y - line.y : 0;
        // Going back up the page (the next column) ends a paragraph only where a sentence ends.
        const climbs = gap < 0 && /[.!?:"”’)]$/.test(previous?.text ?? '');
        if (previous && (gap > line.size * 1.6 || climbs || lineByLine)) flush();
        paragraph.push(line.text);
        previous = line;
      }
    }
    flush();
    if (stopped) {
      blocks.push(
        `<p><em>${escapeHtml(`Lectern kept the first ${pagesRead} of the ${document.numPages} pages of ${name}: ${stopped}.`)}</em></p>`,
      );
    }
    const about = await document.getMetadata().catch(() => null);
    const info = about?.info as { Title?: string; Author?: string; CreationDate?: string } | undefined;
    const xmp = (key: string) => xmpText(about?.metadata?.get(key));
    return {
      title: xmp('dc:title') ?? (info?.Title?.trim() || title || name.replace(/\.[^.]+$/, '')),
      byline: xmp('dc:creator') ?? (info?.Author?.trim() || null),
      published: parseDate(xmp('xmp:createdate')) ?? parseDate(xmp('dc:date')) ?? pdfDate(info?.CreationDate),
      html: blocks.join('\n'),
    };
  } finally {
    await document.destroy();
  }
}
