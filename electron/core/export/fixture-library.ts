/**
 * A small library for the export tests, built the way a person builds one:
 * a web page with an image and an EPUB imported through the import service,
 * then highlights, notes, tags, a tag colour, a saved view and one article
 * in the trash.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Highlight, HighlightColor } from '../../shared/annotation';
import type { ImportOutcome } from '../../shared/api';
import { EventHub } from '../events';
import { epubBytes } from '../import/fixtures/epub';
import { pngBytes, pngDataUri } from '../import/fixtures/images';
import { Library } from '../library/library';
import { SearchEngine } from '../search/search-engine';
import { importService } from '../services/import';

/** Building the fixture starts the import workers, which takes seconds on a busy machine. */
export const FIXTURE_TIMEOUT_MS = 60_000;

export const SEA_TEXT = 'A quiet sentence about the sea and its keepers, "quoted", with a comma. ';

export function highlight(
  id: string,
  start: number,
  exact: string,
  color: HighlightColor,
  note = '',
): Highlight {
  return {
    id,
    color,
    note,
    createdAt: `2026-01-0${(start % 9) + 1}T10:00:00.000Z`,
    updatedAt: `2026-01-0${(start % 9) + 1}T11:00:00.000Z`,
    target: {
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
        { type: 'TextPositionSelector', start, end: start + exact.length },
      ],
    },
  };
}

function idOf(outcome: ImportOutcome | undefined): string {
  if (outcome?.status !== 'imported') throw new Error(`fixture import failed: ${JSON.stringify(outcome)}`);
  return outcome.article.id;
}

export interface FixtureLibrary {
  dir: string;
  library: Library;
  search: SearchEngine;
  /** The web page (two highlights, a note, tags work and sea/keepers, archived). */
  page: string;
  /** The EPUB (one highlight, tag work). */
  book: string;
  /** A text clip in the trash. */
  trashed: string;
}

export async function fixtureLibrary(): Promise<FixtureLibrary> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-export-'));
  const library = await Library.open(dir);
  const search = new SearchEngine(library);
  const service = importService({ library, search, events: new EventHub() }, { fetchWebImages: false });
  const html = `<!doctype html><html><head><title>Keepers of the Light</title>
<meta name="author" content="Ada Byron"><meta property="og:site_name" content="Sea Notes">
<link rel="canonical" href="https://example.com/keepers?a=1&b=2"></head><body><article>
<h1>Keepers of the Light</h1><p>${SEA_TEXT.repeat(6)}</p>
<p><img src="${pngDataUri(40)}" alt="A lighthouse"></p>
<h2>The <em>second</em> part</h2><ul><li>One &amp; two</li><li><a href="https://example.com/x">A link</a></li></ul>
<blockquote><p>${SEA_TEXT.repeat(3)}</p></blockquote><pre><code>let x = 1 &lt; 2;</code></pre></article></body></html>`;
  const [pageOutcome, bookOutcome] = await service.importFiles([
    { name: 'keepers.html', type: 'text/html', bytes: new TextEncoder().encode(html) },
    {
      name: 'tides.epub',
      type: '',
      bytes: epubBytes({
        title: 'Tides: A Short Book',
        author: 'Grace Hopper',
        chapters: [
          {
            file: 'one.xhtml',
            body: `<h1>One</h1><p>${SEA_TEXT.repeat(5)}</p><p><img src="pic.png" alt=""/></p>`,
          },
          { file: 'two.xhtml', body: `<h1>Two</h1><p>${SEA_TEXT.repeat(5)}</p>` },
        ],
        images: [{ file: 'pic.png', bytes: pngBytes(90) }],
      }),
    },
  ]);
  const page = idOf(pageOutcome);
  const book = idOf(bookOutcome);
  const trashed = idOf(await service.importText({ text: `${SEA_TEXT.repeat(4)}`, title: 'A clip' }));
  await library.update(page, (meta) => {
    meta.tags = ['work', 'sea/keepers'];
    meta.status = 'archived';
    meta.note = 'My note on *keepers*.\n\nSecond paragraph.';
    meta.highlights = [
      highlight('h2', 120, 'the sea and its keepers', 'green', 'A note, "with quotes"\nand a line break'),
      highlight('h1', 10, 'quiet sentence', 'yellow'),
    ];
  });
  await library.update(book, (meta) => {
    meta.tags = ['work'];
    meta.highlights = [highlight('h3', 5, 'sentence about', 'blue', 'Book note')];
  });
  await library.trash(trashed);
  await library.file.changeTagColors((colors) => {
    colors.work = 'blue';
  });
  await library.file.saveView('Work', 'tag:work');
  return { dir, library, search, page, book, trashed };
}

/** Builds the fixture before a file's tests and removes it after them; call at the top of a test file. */
export function useFixtureLibrary(): () => FixtureLibrary {
  let fixture: FixtureLibrary | null = null;
  beforeAll(async () => {
    fixture = await fixtureLibrary();
  }, FIXTURE_TIMEOUT_MS);
  afterAll(async () => {
    if (!fixture) return;
    await fixture.library.close();
    await rm(fixture.dir, { recursive: true, force: true });
  });
  return () => {
    if (!fixture) throw new Error('the fixture library is built in beforeAll');
    return fixture;
  };
}
