import { describe, expect, it } from 'vitest';
import { parseRaindrop, raindropHighlights } from './raindrop';
import { parseReadwiseHighlights, parseReadwiseReader, pythonList } from './readwise';

describe('Readwise highlights', () => {
  it('gathers rows into one item per document with its highlights and earliest date', () => {
    const csv =
      'Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags\r\n' +
      '"two\r\nlines",Book,Ann,,a note,,favorite,location,3,2026-06-22 10:34:42.964038+00:00,\r\n' +
      'other,Book,Ann,,,,,location,9,2020-01-01 00:00:00+00:00,\r\n' +
      ',Book,Ann,,,,,,,,\r\n';
    const { items, problems } = parseReadwiseHighlights(csv, 'readwise-data.csv');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ url: '', title: 'Book', author: 'Ann', savedAt: Date.UTC(2020, 0, 1) });
    expect(items[0]?.highlights.map((highlight) => highlight.quote)).toEqual(['two\r\nlines', 'other']);
    expect(items[0]?.highlights[0]?.note).toBe('a note');
    expect(problems).toMatchObject([{ at: 'line 5', reason: 'it has no highlight text' }]);
  });
});

describe('Readwise Reader', () => {
  it('reads the Python list of tags, the location and progress, leaving feed items out', () => {
    const csv =
      'Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen\n' +
      `A,https://a.example/,1,"['test', ""it's crazy""]",2026-03-14 23:55:23.291000+00:00,0.5,archive,True\n` +
      'F,https://f.example/,2,[],2026-03-14 23:55:23+00:00,0,feed,False\n';
    const { items, problems } = parseReadwiseReader(csv, 'reader.csv');
    expect(items).toMatchObject([{ tags: ['test', "it's crazy"], state: 'archive', progress: 0.5 }]);
    expect(problems).toMatchObject([{ at: 'line 3' }]);
  });

  it('unescapes quotes inside list items', () => {
    expect(pythonList("['tag\\'s', \"b\"]")).toEqual(["tag's", 'b']);
  });
});

describe('Raindrop', () => {
  it('reads tags by comma, a nested folder, favourite, and highlights with notes', () => {
    const csv =
      'id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite\n' +
      '1,T,my note,A&nbsp;B,https://r.example/,Work/Later,"one, two",2024-09-03T20:06:53.347Z,,"Highlight:first\nNote:why\nHighlight:second",true\n' +
      '2,U,,,https://u.example/,Unsorted,,,,,false\n';
    const { items } = parseRaindrop(csv, 'raindrop.csv');
    expect(items[0]).toMatchObject({
      note: 'my note',
      excerpt: 'A\u00a0B',
      tags: ['one', 'two', 'Work/Later'],
      favorite: true,
      savedAt: Date.UTC(2024, 8, 3, 20, 6, 53, 347),
      highlights: [{ quote: 'first', note: 'why' }, { quote: 'second' }],
    });
    expect(items[1]).toMatchObject({ tags: [], favorite: false });
  });

  it('reads a highlight cell without notes', () => {
    expect(raindropHighlights('Highlight:only')).toEqual([{ quote: 'only' }]);
  });
});
