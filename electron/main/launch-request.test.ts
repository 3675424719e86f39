import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  articleFromSchemeUrl,
  electronArgCount,
  linkFromSchemeUrl,
  parseLaunchArgs,
  readSchemeUrl,
} from './launch-request';
import { itReturns, itReturnsSame } from '../shared/testing/returns';

describe('linkFromSchemeUrl', () => {
  itReturns(linkFromSchemeUrl, 'reads %j as %j', [
    ['lectern://add?url=https%3A%2F%2Fexample.com%2Fa%3Fb%3Dc', 'https://example.com/a?b=c'],
    ['lectern://add/?url=http://example.com', 'http://example.com/'],
    ['LECTERN://ADD?url=https://example.com/Path', 'https://example.com/Path'],
  ]);

  itReturnsSame(linkFromSchemeUrl, null, 'refuses %s', [
    ['a javascript: address', 'lectern://add?url=javascript:alert(1)'],
    ['a file: address', 'lectern://add?url=file:///etc/passwd'],
    ['a data: address', 'lectern://add?url=data:text/html,hi'],
    ['no address', 'lectern://add'],
    ['an empty address', 'lectern://add?url='],
    ['garbage', 'lectern://add?url=not%20a%20url'],
    ['another action', 'lectern://delete?url=https://example.com'],
    ['a path after the action', 'lectern://add/../../x?url=https://example.com'],
    ['another scheme', 'https://add?url=https://example.com'],
    ['not a URL', 'lectern add'],
  ]);
});

describe('parseLaunchArgs', () => {
  it('takes files after Electron’s own arguments, resolved against the launch folder', () => {
    expect(
      parseLaunchArgs(['/opt/Lectern/lectern', 'story.html', '/abs/book.epub'], '/home/reader', 1),
    ).toEqual({ files: [resolve('/home/reader/story.html'), '/abs/book.epub'], links: [], opens: [] });
  });

  it('skips the app folder when Electron runs unpackaged', () => {
    expect(parseLaunchArgs(['electron', '.', 'a.txt'], '/w', electronArgCount(true))).toEqual({
      files: [resolve('/w/a.txt')],
      links: [],
      opens: [],
    });
    expect(electronArgCount(false)).toBe(1);
  });

  it('ignores switches and the library folder, and reads lectern:// links', () => {
    expect(
      parseLaunchArgs(
        [
          'lectern',
          '--allow-file-access-from-files',
          '--library',
          '/books',
          '--library=/other',
          'lectern://add?url=https%3A%2F%2Fexample.com%2F',
          'lectern://add?url=javascript:alert(1)',
          'lectern://open?id=0123456789-abcdefgh&highlight=h2',
          '',
          'notes.md',
        ],
        '/w',
        1,
      ),
    ).toEqual({
      files: [resolve('/w/notes.md')],
      links: ['https://example.com/'],
      opens: [{ id: '0123456789-abcdefgh', highlight: 'h2' }],
    });
  });
});

describe('articleFromSchemeUrl', () => {
  itReturns(articleFromSchemeUrl, 'reads %j', [
    ['lectern://open?id=0123456789-abcdefgh', { id: '0123456789-abcdefgh', highlight: null }],
    ['lectern://open/?id=0123456789-abcdefgh&highlight=h-1', { id: '0123456789-abcdefgh', highlight: 'h-1' }],
  ]);

  itReturnsSame(articleFromSchemeUrl, null, 'refuses %s', [
    ['an id that is not Lectern’s', 'lectern://open?id=../../etc'],
    ['no id', 'lectern://open'],
    ['a highlight id with other characters', 'lectern://open?id=0123456789-abcdefgh&highlight=%3Cb%3E'],
    ['another action', 'lectern://add?id=0123456789-abcdefgh'],
  ]);

  it('makes a launch of either kind of link', () => {
    expect(readSchemeUrl('lectern://open?id=0123456789-abcdefgh').opens).toHaveLength(1);
    expect(readSchemeUrl('lectern://add?url=https://example.com/').links).toEqual(['https://example.com/']);
    expect(readSchemeUrl('lectern://nothing')).toEqual({ files: [], links: [], opens: [] });
  });
});
