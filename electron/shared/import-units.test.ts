import { describe, expect, it } from 'vitest';
import { groupSavedPages, isInsideSavedPageFolder } from './import-units';
import { itReturns } from './testing/returns';

const item = (path: string) => ({ name: path.slice(path.lastIndexOf('/') + 1), path });

function summary(paths: string[]) {
  return groupSavedPages(paths.map(item)).map((unit) => [unit.main.path, [...unit.related.keys()]]);
}

describe('groupSavedPages', () => {
  it.each<[string, string[], [string, string[]][]]>([
    [
      'single files',
      ['a.html', 'b.txt'],
      [
        ['a.html', []],
        ['b.txt', []],
      ],
    ],
    [
      'a page with its _files folder, dropped together',
      ['Page.html', 'Page_files/a.png', 'Page_files/sub/b.jpg'],
      [['Page.html', ['Page_files/a.png', 'Page_files/sub/b.jpg']]],
    ],
    [
      'the folder listed before its page',
      ['Page_files/a.png', 'Page.htm'],
      [['Page.htm', ['Page_files/a.png']]],
    ],
    [
      'a page inside a dropped folder',
      ['Trip/Day 1.html', 'Trip/Day 1_files/x.png', 'Trip/notes.md'],
      [
        ['Trip/Day 1.html', ['Day 1_files/x.png']],
        ['Trip/notes.md', []],
      ],
    ],
    ['a _files folder without its page', ['Lost_files/a.png'], [['Lost_files/a.png', []]]],
    [
      'two pages, each with its own folder',
      ['A.html', 'A_files/1.png', 'B.html', 'B_files/1.png'],
      [
        ['A.html', ['A_files/1.png']],
        ['B.html', ['B_files/1.png']],
      ],
    ],
  ])('groups %s', (_label, paths, expected) => {
    expect(summary(paths)).toEqual(expected);
  });

  it('uses the name when there is no path', () => {
    const units = groupSavedPages([{ name: 'x.html' }]);
    expect(units).toHaveLength(1);
  });
});

describe('isInsideSavedPageFolder', () => {
  itReturns(isInsideSavedPageFolder, [
    ['Page_files/a.png', true],
    ['Trip/Page_files/a.png', true],
    ['Trip/Page.html', false],
    ['my_files.txt', false],
  ]);
});
