/**
 * An RFC 4180 reader keyed by header names, for the CSV exports of Pocket,
 * Instapaper, Readwise and Raindrop. Columns are found by name, never by
 * position, since every service has changed its columns over the years.
 * It strips a BOM, accepts CRLF and LF, keeps newlines inside quoted
 * fields, and tells the line each record starts on so a report can point at
 * it. A quote left open at the end (a truncated file) is a problem for that
 * record only; everything before it still counts.
 */

export interface CsvRecord {
  /** The 1-based line the record starts on. */
  line: number;
  fields: string[];
}

export interface CsvTable {
  header: string[];
  rows: { line: number; values: Record<string, string>; width: number }[];
  /** A record left unfinished by the end of the file, by its starting line. */
  truncatedAt?: number;
}

/** Splits `text` into records. */
export function csvRecords(text: string): { records: CsvRecord[]; truncatedAt?: number } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let atFieldStart = true;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
    atFieldStart = true;
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      field += char;
      atFieldStart = false;
    }
  }
  if (quoted) return { records, truncatedAt: start };
  if (field !== '' || fields.length) endRecord();
  return { records };
}

/** Reads `text` as a table under its first record, the header. */
export function csvTable(text: string): CsvTable {
  const { records, truncatedAt } = csvRecords(text);
  const [head, ...rest] = records;
  const header = (head?.fields ?? []).map((name) => name.trim());
  const rows = rest.map((record) => {
    const values: Record<string, string> = {};
    header.forEach((name, index) => (values[name] = record.fields[index] ?? ''));
    return { line: record.line, values, width: record.fields.length };
  });
  return truncatedAt === undefined ? { header, rows } : { header, rows, truncatedAt };
}

/** The names in `required` that `header` lacks (compared without case). */
export function missingColumns(header: readonly string[], required: readonly string[]): string[] {
  const present = new Set(header.map((name) => name.toLowerCase()));
  return required.filter((name) => !present.has(name.toLowerCase()));
}
