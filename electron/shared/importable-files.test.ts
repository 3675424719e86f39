import { describe, expect, it } from 'vitest';
import { isImportableName, keptForImport, walkKeeps } from './importable-files';
import { itReturns } from './testing/returns';

describe('walkKeeps', () => {
  itReturns(walkKeeps, [
    ['page.html', true],
    ['notes/Notes.MD', true],
    ['archive.mhtml', true],
    ['paper.pdf', true],
    ['book.epub', true],
    ['link.url', true],
    ['link.webloc', true],
    ['link.desktop', true],
    ['photo.png', false],
    ['Page_files/photo.png', true],
    ['Page_files/frame.html', true],
    ['.hidden/page.html', false],
    ['folder/.DS_Store', false],
    ['README', false],
  ]);
});

describe('isImportableName', () => {
  it('judges by the extension only', () => {
    expect(isImportableName('tides.txt')).toBe(true);
    expect(isImportableName('txt')).toBe(false);
  });
});

describe('keptForImport', () => {
  it('keeps a saved page’s folder with its page and drops a folder whose page is not there', () => {
    const paths = [
      'a/Page.html',
      'a/Page_files/pic.png',
      'a/Page_files/frame.html',
      'Lost_files/stray.html',
      'b.md',
    ];
    expect(keptForImport(paths.map((path) => ({ path }))).map((item) => item.path)).toEqual([
      'a/Page.html',
      'a/Page_files/pic.png',
      'a/Page_files/frame.html',
      'b.md',
    ]);
  });
});
