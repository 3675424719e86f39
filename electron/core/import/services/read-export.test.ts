import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zipBytes } from '../fixtures/zip';
import { readExport } from './read-export';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-read-export-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const PART = 'title,url,time_added,tags,status\nA,https://a.example/,1600000000,x|y,archive\n';
const ANNOTATIONS = JSON.stringify([
  { url: 'https://a.example/', highlights: [{ quote: 'q', created_at: 1 }] },
]);

describe('readExport', () => {
  it('reads a Pocket zip of parts with its annotations', async () => {
    const path = join(dir, 'pocket.zip');
    await writeFile(
      path,
      zipBytes([
        { name: 'part_000000.csv', content: PART },
        {
          name: 'part_000001.csv',
          content: 'title,url,time_added,tags,status\nB,https://b.example/,1,,unread\n',
        },
        { name: 'annotations/part_000000.json', content: ANNOTATIONS },
      ]),
    );
    const parsed = await readExport(path);
    expect(parsed?.items.map((item) => item.url)).toEqual(['https://a.example/', 'https://b.example/']);
    expect(parsed?.items[0]?.highlights).toMatchObject([{ quote: 'q' }]);
  });

  it('reads an Omnivore folder with content and highlights by slug', async () => {
    await mkdir(join(dir, 'content'));
    await mkdir(join(dir, 'highlights'));
    const meta = [
      { slug: 's', url: 'https://o.example/', state: 'Active', labels: [], savedAt: '2024-01-01T00:00:00Z' },
    ];
    await writeFile(join(dir, 'metadata_0_to_20.json'), JSON.stringify(meta));
    await writeFile(join(dir, 'content', 's.html'), '<p>Body</p>');
    await writeFile(join(dir, 'highlights', 's.md'), '> Body');
    const parsed = await readExport(dir);
    expect(parsed?.items[0]).toMatchObject({ html: '<p>Body</p>', highlights: [{ quote: 'Body' }] });
  });

  it('reads a single file by its content, whatever its name', async () => {
    const path = join(dir, 'export.txt');
    await writeFile(path, PART);
    expect((await readExport(path))?.service).toBe('pocket');
  });

  it('leaves files that are not exports to the ordinary import', async () => {
    const page = join(dir, 'page.html');
    await writeFile(page, '<!doctype html><p>Hi</p>');
    expect(await readExport(page)).toBeUndefined();
    const other = join(dir, 'other.zip');
    await writeFile(other, zipBytes([{ name: 'a.txt', content: 'a' }]));
    expect(await readExport(other)).toBeUndefined();
  });
});
