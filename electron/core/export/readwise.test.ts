import { describe, expect, it } from 'vitest';
import { readArticles } from './articles';
import { useFixtureLibrary } from './fixture-library';
import { READWISE_COLUMNS, readwiseCsv } from './readwise';

/** An independent RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('the last record does not end in CRLF');
  return rows;
}

const fixture = useFixtureLibrary();

describe('readwiseCsv', () => {
  it('writes one RFC 4180 row per highlight, in document order, under Readwise’s columns', async () => {
    const { library, page, book } = fixture();
    const csv = await readwiseCsv(readArticles(library, [page, book], false));
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...READWISE_COLUMNS]);
    expect(rows.map((r) => r[0])).toEqual(['quiet sentence', 'the sea and its keepers', 'sentence about']);
    expect(rows[1]).toEqual([
      'the sea and its keepers',
      'Keepers of the Light',
      'Ada Byron',
      'https://example.com/keepers?a=1&b=2',
      'A note, "with quotes"\nand a line break',
      '120',
      '2026-01-04T10:00:00.000Z',
    ]);
  });

  it('quotes only the fields that need it', async () => {
    const { library, book } = fixture();
    const csv = await readwiseCsv(readArticles(library, [book], false));
    expect(csv.split('\r\n')[1]).toBe(
      'sentence about,Tides: A Short Book,Grace Hopper,,Book note,5,2026-01-06T10:00:00.000Z',
    );
  });
});
