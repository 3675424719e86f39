/**
 * The walk every CSV export shares: check the header names the columns a
 * service needs, turn each row into an item, and report the rows that
 * cannot be one (a short row, a bad address, a record the end of the file
 * cut off) by line, without stopping at them.
 */
import { csvTable, missingColumns } from './csv';
import { ExportCollector, type ExportedItem, type ExportService, type ParsedExport } from './exported-item';

/**
 * Turns one row (keyed by header name) into an item, or a reason it cannot
 * be one, or undefined when the row went into an item gathered elsewhere.
 */
export type CsvRowReader = (values: Record<string, string>, at: string) => ExportedItem | string | undefined;

export function readCsvExport(
  text: string,
  file: string,
  service: ExportService,
  required: readonly string[],
  read: CsvRowReader,
): ParsedExport {
  const collect = new ExportCollector(service, file);
  const table = csvTable(text);
  const missing = missingColumns(table.header, required);
  if (missing.length) {
    collect.problem(
      'line 1',
      `the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((name) => `“${name}”`).join(', ')}`,
    );
    return collect.result();
  }
  for (const row of table.rows) {
    const at = `line ${row.line}`;
    if (row.width < table.header.length) {
      collect.problem(at, `the row has ${row.width} fields where the header has ${table.header.length}`);
      continue;
    }
    const item = read(row.values, at);
    if (typeof item === 'string') collect.problem(at, item);
    else if (item) collect.add(item);
  }
  if (table.truncatedAt !== undefined)
    collect.problem(`line ${table.truncatedAt}`, 'the file ends inside a quoted field (it looks cut off)');
  return collect.result();
}
