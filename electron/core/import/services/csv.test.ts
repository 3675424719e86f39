import { describe, expect, it } from 'vitest';
import { csvRecords, csvTable, missingColumns } from './csv';

describe('csvRecords', () => {
  it.each([
    [
      'LF',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a BOM',
      '\ufeffa,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['doubled quotes', 'a\n"say ""hi"""', [['a'], ['say "hi"']]],
    [
      'a newline inside quotes',
      'a,b\n"one\r\ntwo",3',
      [
        ['a', 'b'],
        ['one\r\ntwo', '3'],
      ],
    ],
    ['empty fields', ',,\n', [['', '', '']]],
  ])('reads %s', (_name, text, expected) => {
    expect(csvRecords(text).records.map((record) => record.fields)).toEqual(expected);
  });

  it('tells the line each record starts on, past quoted newlines', () => {
    const { records } = csvRecords('h\n"a\nb"\nc\n');
    expect(records.map((record) => record.line)).toEqual([1, 2, 4]);
  });

  it('keeps the records before a quote the file ends inside', () => {
    const result = csvRecords('h\nok\n"cut off');
    expect(result.records.map((record) => record.fields)).toEqual([['h'], ['ok']]);
    expect(result.truncatedAt).toBe(3);
  });
});

describe('csvTable', () => {
  it('keys rows by header name', () => {
    expect(csvTable('x,y\n1,2').rows[0]).toEqual({ line: 2, values: { x: '1', y: '2' }, width: 2 });
  });

  it('names the columns a header lacks, without regard to case', () => {
    expect(missingColumns(['URL', 'title'], ['url', 'Title', 'Folder'])).toEqual(['Folder']);
  });
});
