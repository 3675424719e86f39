import { describe, expect, it } from 'vitest';
import { detectExport, detectExportEntries } from './detect-export';
import { itReturnsSame } from '../../../shared/testing/returns';

describe('detectExport', () => {
  it.each([
    ['pocket-csv', 'title,url,time_added,tags,status\n'],
    ['pocket-csv', 'title,url,time_added,cursor,tags,status\r\n'],
    ['instapaper', '\ufeffURL,Title,Selection,Folder\r\n'],
    ['readwise', 'Highlight,Book Title,Book Author,Amazon Book ID,Note\n'],
    ['readwise-reader', 'Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen\n'],
    ['raindrop', 'id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite\n'],
    ['netscape', '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL>'],
    ['netscape', '<META HTTP-EQUIV="Content-Type"><DL><p><DT><A HREF="https://x/">x</A>'],
    ['pocket-html', '<!DOCTYPE html><html><head><title>Pocket Export</title></head>'],
    ['wallabag', '[{"id": 1, "is_archived": 0, "url": "x"}]'],
    ['wallabag', '[{"0": "1", "is_read": "0"}]'],
    ['omnivore-metadata', '[\n  {\n    "id": "u",\n    "slug": "s",\n    "savedAt": "2024"'],
    ['firefox', '{"guid":"root________","type":"text/x-moz-place-container","children":[]}'],
    ['chrome', '{"checksum": "x", "roots": {"bookmark_bar": {}}}'],
  ])('recognizes %s', (kind, start) => {
    expect(detectExport(start)).toBe(kind);
  });

  itReturnsSame(detectExport, undefined, 'leaves %s alone', [
    ['an ordinary page', '<!doctype html><html><body><p>Hello</p>'],
    ['an unknown CSV', 'name,link\n'],
    ['other JSON', '{"a": 1}'],
    ['plain text', 'Dear diary'],
  ]);

  it('tells a Pocket zip from an Omnivore one by its entries', () => {
    expect(detectExportEntries(['pocket/part_000000.csv', 'annotations/part_000000.json'])).toBe('pocket');
    expect(detectExportEntries(['metadata_0_to_20.json', 'content/a.html'])).toBe('omnivore');
    expect(detectExportEntries(['book.html'])).toBeUndefined();
  });
});
