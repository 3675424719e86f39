import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { SerialQueue } from '../../shared/async';
import { exportedItem, type ExportedItem, type ParsedExport } from '../import/services/exported-item';
import { zipBytes } from '../import/fixtures/zip';
import { useLibraryFolder } from '../library/fixtures/library-folder';
import type { Library } from '../library/library';
import { pendingArticle } from './import';
import { importExportAt, importExported, prepareCarried, type ExportWriter } from './import-exported';

const temp = useLibraryFolder();
let library: Library;
let writer: ExportWriter;

beforeEach(async () => {
  library = await temp.open(temp.dir);
  writer = {
    library,
    writes: new SerialQueue(),
    prepareContent: prepareCarried,
    pendingArticle,
  };
});

function item(url: string, extra: Partial<ExportedItem> = {}): ExportedItem {
  return { ...exportedItem(url, 'line 2'), ...extra };
}

function exported(items: ExportedItem[], problems: ParsedExport['problems'] = []): ParsedExport {
  return { service: 'pocket', items, problems };
}

describe('importExported', () => {
  it('writes pending articles with their tags, state, favourite and original date', async () => {
    const report = await importExported(
      exported(
        [
          item('https://a.example/', {
            title: 'A',
            tags: ['x', 'y/z'],
            state: 'archive',
            favorite: true,
            savedAt: Date.UTC(2015, 0, 2),
            highlights: [{ quote: 'not here yet' }],
          }),
        ],
        [{ file: 'part.csv', at: 'line 3', reason: 'it has no address' }],
      ),
      'part.csv',
      writer,
    );
    expect(report).toMatchObject({ added: 1, pending: 1, merged: 0, failed: 1, highlightsOrphaned: 1 });
    expect(report.failures).toMatchObject([{ at: 'line 3' }]);
    const [summary] = library.list();
    const meta = await library.get(summary!.id);
    expect(meta).toMatchObject({ title: 'A', tags: ['x', 'y/z'], status: 'archived', favorite: true });
    expect(meta.pending).toBeDefined();
    expect(meta.addedAt).toBe('2015-01-02T00:00:00.000Z');
    expect(meta.source.name).toBe('pocket export part.csv');
    expect(meta.highlights[0]?.target.selector[0].exact).toBe('not here yet');
  });

  it('imports carried content directly and places its highlights in the text', async () => {
    const report = await importExported(
      exported([
        item('https://w.example/', {
          title: 'W',
          html: '<p>The quick brown fox jumps over the lazy dog.</p>',
          highlights: [{ quote: 'brown fox', note: 'n' }, { quote: 'absent entirely from this text' }],
        }),
      ]),
      'wallabag.json',
      writer,
    );
    expect(report).toMatchObject({ added: 1, pending: 0, highlightsPlaced: 1, highlightsOrphaned: 1 });
    const meta = await library.get(library.list()[0]!.id);
    expect(meta.pending).toBeUndefined();
    const [placed] = meta.highlights;
    expect(placed?.note).toBe('n');
    expect(placed?.target.selector[1].end).toBeGreaterThan(placed!.target.selector[1].start);
  });

  it('adds nothing twice when the same export comes again, and merges what is new', async () => {
    const first = item('https://a.example/', { tags: ['x'], highlights: [{ quote: 'q' }] });
    await importExported(exported([first]), 'part.csv', writer);
    const again = await importExported(
      exported([
        { ...first, tags: ['x', 'new'], state: 'archive', highlights: [{ quote: 'q' }, { quote: 'r' }] },
      ]),
      'part.csv',
      writer,
    );
    expect(again).toMatchObject({ added: 0, merged: 1 });
    expect(library.list()).toHaveLength(1);
    const meta = await library.get(library.list()[0]!.id);
    expect(meta.tags).toEqual(['x', 'new']);
    expect(meta.status).toBe('archived');
    expect(meta.highlights.map((highlight) => highlight.target.selector[0].exact)).toEqual(['q', 'r']);
  });

  it('writes one article for an address listed twice in one export, though items are written side by side', async () => {
    const report = await importExported(
      exported([
        item('https://a.example/x', { tags: ['one'] }),
        item('https://b.example/'),
        item('https://a.example/x?utm_source=feed', { tags: ['two'] }),
      ]),
      'part.csv',
      writer,
    );
    expect(report).toMatchObject({ added: 2, merged: 1 });
    const a = library.list().find((summary) => summary.url === 'https://a.example/x');
    expect(a?.tags).toEqual(['one', 'two']);
    expect(a?.source.importedFrom).toMatchObject({ service: 'pocket', file: 'part.csv' });
  });

  it('turns a document without an address into an article of its highlights', async () => {
    const report = await importExported(
      exported([
        item('', { title: 'Book', author: 'Ann', highlights: [{ quote: 'A line worth keeping.' }] }),
      ]),
      'readwise-data.csv',
      writer,
    );
    expect(report).toMatchObject({ added: 1, pending: 0, highlightsPlaced: 1 });
  });

  it('imports a Pocket zip named by path, and leaves other files alone', async () => {
    const path = join(temp.dir, 'pocket.zip');
    const part =
      'title,url,time_added,tags,status\nA,https://a.example/,1600000000,x,archive\nB,javascript:x,1,,unread\n';
    await writeFile(path, zipBytes([{ name: 'part_000000.csv', content: part }]));
    const report = await importExportAt(path, writer);
    expect(report).toMatchObject({ service: 'pocket', file: 'pocket.zip', added: 1, pending: 1, failed: 1 });
    expect(report?.failures[0]).toMatchObject({ file: 'pocket.zip › part_000000.csv', at: 'line 3' });
    const page = join(temp.dir, 'page.html');
    await writeFile(page, '<p>hi</p>');
    expect(await importExportAt(page, writer)).toBeUndefined();
  });
});
