import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LecternEvent, ReextractOutcome } from '../../shared/api';
import { describeTarget } from '../../shared/anchoring/anchor';
import { useBackend } from '../fixtures/backend-folder';
import { articleText } from '../import/services/place-highlights';
import { pendingArticle } from './import';

const temp = useBackend();
let events: LecternEvent[];

beforeEach(() => {
  events = [];
  temp.backend.events.subscribe((event) => events.push(event));
});

const BODY =
  '<p>The keeper climbed the stair at dusk and lit the great lamp for the ships.</p>' +
  '<p>All night the beam swept the water, and no ship came to harm on the rocks.</p>';

function page(title: string, byline = 'Grace Darling'): Uint8Array {
  return new TextEncoder().encode(
    `<!doctype html><html><head><title>${title}</title><meta name="author" content="${byline}"></head>` +
      `<body><article><h1>${title}</h1>${BODY.repeat(3)}</article></body></html>`,
  );
}

async function importPage(title: string): Promise<string> {
  const [outcome] = await temp.backend.service.importFiles([
    { name: `${title}.html`, type: 'text/html', bytes: page(title) },
  ]);
  if (outcome?.status !== 'imported') throw new Error(`import ended ${outcome?.status}`);
  return outcome.article.id;
}

const folder = (id: string) => join(temp.dir, 'articles', id);

/** Makes the stored content an older extraction: a share line before the text shifts every position. */
async function makeContentOlder(id: string): Promise<string> {
  const path = join(folder(id), 'content.html');
  const older = `<p>Share this article on every network you know of.</p>${await readFile(path, 'utf8')}`;
  await writeFile(path, older);
  return older;
}

async function highlightWords(id: string, words: string) {
  const text = articleText(await temp.backend.library.content(id));
  const start = text.indexOf(words);
  return temp.backend.service.addHighlight(id, {
    color: 'green',
    note: 'the lamp',
    target: describeTarget(text, start, start + words.length),
  });
}

function reextracted(outcome: ReextractOutcome | undefined) {
  if (outcome?.status !== 'reextracted') throw new Error(`re-extraction ended ${outcome?.status}`);
  return outcome;
}

describe('reextractArticles', () => {
  it('keeps the previous content as a version and places the highlights on the same words', async () => {
    const id = await importPage('Lighthouse');
    const older = await makeContentOlder(id);
    const highlight = await highlightWords(id, 'lit the great lamp');
    await temp.backend.service.setArticleNote(id, { text: 'My note', base: '' });

    const [outcome] = await temp.backend.service.reextractArticles([id]);
    expect(reextracted(outcome)).toMatchObject({ placed: 1, moved: 0, orphaned: 0 });

    const { meta, html } = await temp.backend.service.getArticle(id);
    expect(html).not.toContain('Share this');
    const [placed] = meta.highlights;
    const [, position] = placed!.target.selector;
    expect(articleText(html).slice(position.start, position.end)).toBe('lit the great lamp');
    expect(placed).toMatchObject({ id: highlight.id, note: 'the lamp', color: 'green' });
    expect(meta.note).toBe('My note');
    expect(meta.contentUpdatedAt).toBeDefined();

    // The library announces both, so every window shows the new text and the highlight's new place.
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'library-changed', changed: [expect.objectContaining({ id })] }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'annotations-changed', articleId: id, highlights: meta.highlights }),
    );

    const versions = await temp.backend.service.listVersions(id);
    expect(versions).toEqual([expect.objectContaining({ replacedBy: 'reextract', title: 'Lighthouse' })]);
    expect(await readFile(join(folder(id), 'versions', versions[0]!.id, 'content.html'), 'utf8')).toBe(older);
  });

  it('restores a version, keeping the content it replaces as a version in turn', async () => {
    const id = await importPage('Lighthouse');
    const older = await makeContentOlder(id);
    await highlightWords(id, 'lit the great lamp');
    await temp.backend.service.reextractArticles([id]);
    const [version] = await temp.backend.service.listVersions(id);

    const restored = reextracted(await temp.backend.service.restoreVersion(id, version!.id));
    expect(restored.placed).toBe(1);
    expect(await temp.backend.library.content(id)).toBe(older);
    const [, position] = (await temp.backend.library.get(id)).highlights[0]!.target.selector;
    expect(position.start).toBe(articleText(older).indexOf('lit the great lamp'));
    const versions = await temp.backend.service.listVersions(id);
    expect(versions.map((kept) => kept.replacedBy)).toEqual(['restore', 'reextract']);
  });

  it('keeps the person’s edits over the new extraction, and takes it for what they left alone', async () => {
    const id = await importPage('Lighthouse');
    await temp.backend.service.editArticle(id, { title: 'The lamp at Longstone', published: '1838-09-07' });
    // The extraction found no byline before; the page names one now.
    await temp.backend.library.update(id, (meta) => {
      meta.byline = null;
    });
    const [outcome] = await temp.backend.service.reextractArticles([id]);
    expect(reextracted(outcome).article).toMatchObject({
      title: 'The lamp at Longstone',
      published: '1838-09-07',
      byline: 'Grace Darling',
      edited: { title: 'The lamp at Longstone', published: '1838-09-07' },
    });
    const summary = await temp.backend.service.resetArticleEdits(id, ['title']);
    expect(summary.title).toBe('Lighthouse');
    expect(summary.published).toBe('1838-09-07');
  });

  it('takes a title set through updateArticle as the person’s edit', async () => {
    const id = await importPage('Lighthouse');
    const summary = await temp.backend.service.updateArticle(id, { title: 'Renamed' });
    expect(summary).toMatchObject({ title: 'Renamed', edited: { title: 'Renamed' } });
    const [outcome] = await temp.backend.service.reextractArticles([id]);
    expect(reextracted(outcome).article.title).toBe('Renamed');
  });

  it('keeps no version when the text comes out the same', async () => {
    const id = await importPage('Lighthouse');
    const [outcome] = await temp.backend.service.reextractArticles([id]);
    expect(reextracted(outcome).version).toBeNull();
    expect(await readdir(folder(id))).not.toContain('versions');
  });

  it('reports a highlight it cannot place, and keeps it', async () => {
    const id = await importPage('Lighthouse');
    const path = join(folder(id), 'content.html');
    await writeFile(path, `<p>A paragraph no extraction of this page would ever give.</p>`);
    const highlight = await highlightWords(id, 'no extraction of this page');
    const [outcome] = await temp.backend.service.reextractArticles([id]);
    expect(reextracted(outcome)).toMatchObject({ placed: 0, moved: 0, orphaned: 1 });
    expect((await temp.backend.library.get(id)).highlights).toEqual([highlight]);
  });

  it('re-extracts a clip keeping the title it came with', async () => {
    const clip = await temp.backend.service.importText({
      text: 'Keepers',
      html: '<p>The keeper climbed the stair.</p>',
      title: 'From the clipper',
    });
    if (clip.status !== 'imported') throw new Error(clip.status);
    const [outcome] = await temp.backend.service.reextractArticles([clip.article.id]);
    expect(reextracted(outcome).article.title).toBe('From the clipper');
  });

  it('skips a link never fetched, saying why', async () => {
    const pending = await temp.backend.library.add(pendingArticle('https://example.com/a', 'offline'));
    const [outcome] = await temp.backend.service.reextractArticles([pending.id]);
    expect(outcome).toMatchObject({ status: 'skipped', reason: expect.stringContaining('never fetched') });
  });

  it('reports progress after each article, and stops before the next one when cancelled', async () => {
    const ids = [await importPage('One'), await importPage('Two'), await importPage('Three')];
    temp.backend.events.subscribe((event) => {
      if (event.type === 'reextract-progress' && event.done === 1)
        void temp.backend.service.cancelReextract('job');
    });
    const outcomes = await temp.backend.service.reextractArticles(ids, { jobId: 'job' });
    expect(outcomes).toHaveLength(1);
    const progress = events.filter((event) => event.type === 'reextract-progress');
    expect(progress).toEqual([
      { type: 'reextract-progress', jobId: 'job', done: 1, total: 3, finished: false },
      { type: 'reextract-progress', jobId: 'job', done: 1, total: 3, finished: true },
    ]);
  });
});
