/**
 * Every sample export gathered from public repositories, read by detection
 * alone. The samples live beside the project, not in it, so the test is
 * skipped where they are absent; INTEROP_SAMPLES points elsewhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectExport, parseExport, type ExportKind } from './detect-export';
import { attachPocketHighlights, parsePocketAnnotations } from './pocket';

const samples = process.env.INTEROP_SAMPLES ?? resolve(process.cwd(), '../shared/interop');
const present = existsSync(samples);

const FOLDERS: Record<string, ExportKind> = {
  'pocket-html': 'pocket-html',
  'pocket-csv': 'pocket-csv',
  'instapaper-csv': 'instapaper',
  omnivore: 'omnivore-metadata',
  'wallabag-json': 'wallabag',
  'readwise-csv': 'readwise',
  'raindrop-csv': 'raindrop',
  'netscape-html': 'netscape',
  'firefox-json': 'firefox',
  'chrome-json': 'chrome',
};

function files(folder: string): string[] {
  return readdirSync(join(samples, folder)).filter(
    (name) => name !== 'SOURCES.md' && !name.endsWith('.json.md'),
  );
}

describe.skipIf(!present)('the real exports', () => {
  for (const [folder, kind] of Object.entries(FOLDERS)) {
    it(`reads every ${folder} sample as ${kind}`, () => {
      for (const name of files(folder)) {
        if (name.includes('annotations')) continue;
        const text = readFileSync(join(samples, folder, name), 'utf8');
        expect(detectExport(text.slice(0, 65536)), name).toBe(kind);
        const parsed = parseExport(kind, text, name);
        expect(parsed.items.length, name).toBeGreaterThan(0);
        for (const item of parsed.items) expect(item.url === '' || /^https?:/.test(item.url)).toBe(true);
      }
    });
  }

  it('joins the Pocket annotations to their rows by address', () => {
    const rows = readFileSync(
      join(samples, 'pocket-csv/lumpy-pocket-part_000000.annotated-rows.csv'),
      'utf8',
    );
    const notes = readFileSync(
      join(samples, 'pocket-csv/lumpy-pocket-annotations-part_000000.head25.json'),
      'utf8',
    );
    const parsed = parseExport('pocket-csv', rows, 'part_000000.csv');
    attachPocketHighlights(parsed, parsePocketAnnotations(notes, 'annotations/part_000000.json').byUrl);
    const cities = parsed.items.find((item) => item.url === 'http://paulgraham.com/cities.html');
    expect(cities?.state).toBe('archive');
    expect(cities?.highlights.length).toBeGreaterThan(0);
    expect(cities?.highlights[0]?.createdAt).toBe(1578947585000);
  });

  it('reads Chrome dates from 1601 and wallabag flags of either type', () => {
    const chrome = readFileSync(join(samples, 'chrome-json/wallabag-chrome-Bookmarks.json'), 'utf8');
    const first = parseExport('chrome', chrome, 'Bookmarks').items[0];
    expect(new Date(first!.savedAt!).toISOString().slice(0, 10)).toBe('2016-09-20');
    const v2 = readFileSync(join(samples, 'wallabag-json/wallabag-v2.truncated.json'), 'utf8');
    const entry = parseExport('wallabag', v2, 'v2.json').items[0]!;
    expect(entry).toMatchObject({ state: 'inbox', favorite: true, tags: ['mediapart', 'blog'] });
    expect(entry.html).toBeTruthy();
  });
});
