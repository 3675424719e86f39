import { describe, expect, it } from 'vitest';
import { attachPocketHighlights, parsePocketAnnotations, parsePocketCsv, parsePocketHtml } from './pocket';

describe('Pocket CSV', () => {
  it('reads tags by |, the state, the date, and drops a title that is the address', () => {
    const csv =
      'title,url,time_added,cursor,tags,status\n' +
      'https://a.example/,https://a.example/,1600000000,x,web design|ß/ü,archive\n' +
      '"Two\nlines",https://b.example/,1600000001,y,,unread\n';
    const { items, problems } = parsePocketCsv(csv, 'part_000000.csv');
    expect(problems).toEqual([]);
    expect(items[0]).toMatchObject({ tags: ['web design', 'ß/ü'], state: 'archive' });
    expect(items[0]?.title).toBeUndefined();
    expect(items[0]?.savedAt).toBe(1600000000000);
    expect(items[1]).toMatchObject({ title: 'Two\nlines', state: 'inbox', at: 'line 3' });
  });

  it('reports bad rows by line and keeps the good ones', () => {
    const csv =
      'title,url,time_added,tags,status\r\n' +
      'Bad,javascript:alert(1),1600000000,,unread\r\n' +
      'Local,file:///etc/passwd,1600000000,,unread\r\n' +
      'Short,https://s.example/\r\n' +
      'Good,https://g.example/,50000000000000000000,,unread\r\n' +
      '"Cut,https://c.example/';
    const { items, problems } = parsePocketCsv(csv, 'part_000001.csv');
    expect(items.map((item) => item.url)).toEqual(['https://g.example/']);
    expect(items[0]?.savedAt).toBeUndefined();
    expect(problems.map((problem) => `${problem.file} ${problem.at}`)).toEqual([
      'part_000001.csv line 2',
      'part_000001.csv line 3',
      'part_000001.csv line 4',
      'part_000001.csv line 6',
    ]);
    expect(problems[0]?.reason).toMatch(/javascript:/);
    expect(problems[3]?.reason).toMatch(/cut off/);
  });

  it('refuses a header it does not know, naming the missing columns', () => {
    const { items, problems } = parsePocketCsv('name,link\nA,https://a.example/', 'part.csv');
    expect(items).toEqual([]);
    expect(problems[0]).toMatchObject({ file: 'part.csv', at: 'line 1' });
    expect(problems[0]?.reason).toMatch(/“title”/);
  });
});

describe('Pocket HTML', () => {
  it('takes the state from the section heading', () => {
    const html =
      '<!DOCTYPE html><html><head><title>Pocket Export</title></head><body>' +
      '<h1>Unread</h1><ul><li><a href="https://u.example/" time_added="1600000000" tags="a,b">U &amp; me</a></li></ul>' +
      '<h1>Read Archive</h1><ul><li><a href="https://r.example/" time_added="1500000000" tags="">R</a></li></ul>';
    const { items } = parsePocketHtml(html, 'ril_export.html');
    expect(items).toMatchObject([
      {
        url: 'https://u.example/',
        title: 'U & me',
        tags: ['a', 'b'],
        state: 'inbox',
        savedAt: 1600000000000,
      },
      { url: 'https://r.example/', state: 'archive', savedAt: 1500000000000 },
    ]);
  });
});

describe('Pocket annotations', () => {
  it('joins highlights to items by address and reports malformed entries', () => {
    const json = JSON.stringify([
      { url: 'https://a.example/', highlights: [{ quote: 'q', created_at: 1600000000 }] },
      { url: 5 },
    ]);
    const parsed = parsePocketCsv(
      'title,url,time_added,tags,status\nA,https://a.example/,1,,unread',
      'p.csv',
    );
    const annotations = parsePocketAnnotations(json, 'annotations/part_000000.json');
    attachPocketHighlights(parsed, annotations.byUrl);
    expect(parsed.items[0]?.highlights).toEqual([{ quote: 'q', createdAt: 1600000000000 }]);
    expect(annotations.problems).toMatchObject([{ at: 'item 2' }]);
  });

  it('reports JSON that does not parse', () => {
    expect(parsePocketAnnotations('[{', 'a.json').problems[0]?.reason).toMatch(/not valid JSON/);
  });
});
