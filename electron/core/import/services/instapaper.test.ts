import { describe, expect, it } from 'vitest';
import { parseInstapaper } from './instapaper';

describe('Instapaper CSV', () => {
  it.each([
    ['4 columns', 'URL,Title,Selection,Folder\nhttps://a.example/,A,,Archive\n', undefined, []],
    [
      '5 columns',
      'URL,Title,Selection,Folder,Timestamp\r\nhttps://a.example/,A,,Archive,1692762914\r\n',
      1692762914000,
      [],
    ],
    [
      '6 columns',
      'URL,Title,Selection,Folder,Timestamp,Tags\nhttps://a.example/,A,,Archive,1692762914,"[""ai"", ""interp""]"\n',
      1692762914000,
      ['ai', 'interp'],
    ],
  ])('reads %s', (_name, csv, savedAt, tags) => {
    const { items, problems } = parseInstapaper(csv, 'instapaper-export.csv');
    expect(problems).toEqual([]);
    expect(items[0]).toMatchObject({ url: 'https://a.example/', title: 'A', state: 'archive', tags });
    expect(items[0]?.savedAt).toBe(savedAt);
  });

  it('maps each folder: Starred to a favourite, a user folder to a nested tag', () => {
    const csv =
      'URL,Title,Selection,Folder,Timestamp,Tags\n' +
      'https://s.example/,S,,Starred,1,[]\n' +
      'https://u.example/,U,"picked\rtext",Unread,1,[]\n' +
      'https://f.example/,F,,Blogs / Portfolios I like,1,[]\n';
    const { items } = parseInstapaper(csv, 'i.csv');
    expect(items[0]).toMatchObject({ favorite: true, state: 'inbox', tags: [] });
    expect(items[1]).toMatchObject({ state: 'inbox', excerpt: 'picked\rtext' });
    expect(items[2]).toMatchObject({ state: 'inbox', tags: ['Blogs/Portfolios I like'] });
  });

  it('reports a Tags cell that is not a JSON list by its line', () => {
    const csv = 'URL,Title,Selection,Folder,Timestamp,Tags\nhttps://a.example/,A,,Unread,1,[oops\n';
    expect(parseInstapaper(csv, 'i.csv').problems).toMatchObject([{ at: 'line 2' }]);
  });
});
