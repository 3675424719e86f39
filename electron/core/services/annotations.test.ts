import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LecternEvent } from '../../shared/api';
import { describeTarget } from '../../shared/anchoring/anchor';
import type { ArticleMeta } from '../../shared/article';
import type { CallResult } from '../../shared/api';
import { openBackend, type Backend } from '../open-backend';

const TEXT = 'The keeper climbed the stair at dusk.';

let dir: string;
let backend: Backend;
let events: LecternEvent[];
let articleId: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-annotations-'));
  backend = await openBackend(dir);
  events = [];
  backend.events.subscribe((event) => events.push(event));
  const outcome = await backend.service.importText({ text: `Logbook\n\n${TEXT}` });
  if (outcome.status !== 'imported') throw new Error(`import ended ${outcome.status}`);
  articleId = outcome.article.id;
});

afterEach(async () => {
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});

async function stored(): Promise<ArticleMeta> {
  return JSON.parse(await readFile(join(dir, 'articles', articleId, 'article.json'), 'utf8')) as ArticleMeta;
}

function valueOf(result: CallResult): unknown {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const target = describeTarget(TEXT, 4, 10);

describe('annotations', () => {
  it('adds, changes, deletes and restores a highlight, on disk and in events', async () => {
    const added = await backend.service.addHighlight(articleId, { color: 'green', note: '', target });
    expect((await stored()).highlights).toEqual([added]);
    expect(events.at(-1)).toMatchObject({ type: 'annotations-changed', articleId, highlights: [added] });

    const changed = await backend.service.updateHighlight(articleId, added.id, { color: 'pink' });
    expect(changed).toMatchObject({ id: added.id, color: 'pink', target });
    expect(await backend.service.setHighlightNote(articleId, added.id, { text: '*why*', base: '' })).toEqual({
      saved: true,
    });
    expect((await stored()).highlights[0]?.note).toBe('*why*');

    const removed = await backend.service.deleteHighlight(articleId, added.id);
    expect((await stored()).highlights).toEqual([]);
    await backend.service.restoreHighlight(articleId, removed);
    expect((await stored()).highlights).toEqual([removed]);
  });

  it('saves the article note', async () => {
    const saved = await backend.service.setArticleNote(articleId, { text: '# Thoughts\n\nGood.', base: '' });
    expect(saved).toEqual({ saved: true });
    expect((await stored()).note).toBe('# Thoughts\n\nGood.');
    expect(events.at(-1)).toMatchObject({ type: 'annotations-changed', note: '# Thoughts\n\nGood.' });
  });

  it('refuses a note edit made on a copy another window changed since, keeping both texts', async () => {
    // Two windows open the article while its note is empty; B saves first.
    expect(await backend.service.setArticleNote(articleId, { text: 'from B', base: '' })).toEqual({
      saved: true,
    });
    const written = (await stored()).updatedAt;
    expect(await backend.service.setArticleNote(articleId, { text: 'from A', base: '' })).toEqual({
      saved: false,
      theirs: 'from B',
    });
    expect(await stored()).toMatchObject({ note: 'from B', updatedAt: written });
    // A chooses "keep mine": the edit now names B's text as its base.
    expect(await backend.service.setArticleNote(articleId, { text: 'from A', base: 'from B' })).toEqual({
      saved: true,
    });
    expect((await stored()).note).toBe('from A');
  });

  it('takes a retried note save that already landed as saved, without writing again', async () => {
    await backend.service.setArticleNote(articleId, { text: 'once', base: '' });
    const written = (await stored()).updatedAt;
    const count = events.length;
    expect(await backend.service.setArticleNote(articleId, { text: 'once', base: '' })).toEqual({
      saved: true,
    });
    expect((await stored()).updatedAt).toBe(written);
    expect(events.length).toBe(count);
  });

  it('refuses a stale highlight note, and one on a missing highlight', async () => {
    const added = await backend.service.addHighlight(articleId, { color: 'green', note: 'first', target });
    await backend.service.setHighlightNote(articleId, added.id, { text: 'second', base: 'first' });
    expect(
      await backend.service.setHighlightNote(articleId, added.id, { text: 'third', base: 'first' }),
    ).toEqual({ saved: false, theirs: 'second' });
    expect((await stored()).highlights[0]?.note).toBe('second');
    await expect(
      backend.service.setHighlightNote(articleId, 'aaaaaaaa-0000', { text: 'x', base: '' }),
    ).rejects.toThrow(/no longer in the article/);
  });

  it('refuses a note without the version it was written on', async () => {
    const bare = await backend.dispatch('setArticleNote', [articleId, 'no base']);
    expect(bare).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const patched = await backend.dispatch('updateHighlight', [articleId, 'aaaaaaaa-0000', { note: 'x' }]);
    expect(patched).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('lists highlights across the library, newest first, filtered', async () => {
    const first = await backend.service.addHighlight(articleId, {
      color: 'yellow',
      note: 'lamp room',
      target,
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await backend.service.addHighlight(articleId, {
      color: 'blue',
      note: '',
      target: describeTarget(TEXT, 23, 28),
    });
    const all = await backend.service.listHighlights({});
    expect(all.map((entry) => entry.highlight.id)).toEqual([second.id, first.id]);
    expect(all[0]).toMatchObject({ articleId, articleTitle: 'Logbook', tags: [] });
    expect((await backend.service.listHighlights({ color: 'yellow' })).map((e) => e.highlight.id)).toEqual([
      first.id,
    ]);
    expect((await backend.service.listHighlights({ text: 'LAMP keeper' })).length).toBe(1);
    expect((await backend.service.listHighlights({ text: 'stair' })).map((e) => e.highlight.id)).toEqual([
      second.id,
    ]);
    expect(await backend.service.listHighlights({ tag: 'sea' })).toEqual([]);
  });

  it('refuses a missing highlight and malformed targets with words', async () => {
    await expect(
      backend.service.updateHighlight(articleId, 'aaaaaaaa-0000', { color: 'blue' }),
    ).rejects.toThrow(/no longer in the article/);
    const bad = await backend.dispatch('addHighlight', [articleId, { color: 'orange', note: '', target }]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const skewed = describeTarget(TEXT, 4, 10);
    skewed.selector[1].end = 20;
    const result = await backend.dispatch('addHighlight', [
      articleId,
      { color: 'blue', note: '', target: skewed },
    ]);
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/does not span/) } });
    expect(valueOf(await backend.dispatch('listHighlights', [{}]))).toEqual([]);
  });
});

describe('settings', () => {
  it('starts from defaults, persists changes in lectern.json and survives a reopen', async () => {
    expect((await backend.service.getSettings()).theme).toBe('system');
    await backend.service.updateSettings({ theme: 'sepia', fontSize: 22, font: 'sans' });
    const file = JSON.parse(await readFile(join(dir, 'lectern.json'), 'utf8')) as {
      settings: { reader: { theme: string } };
    };
    expect(file.settings.reader.theme).toBe('sepia');
    expect(events.at(-1)).toMatchObject({ type: 'settings-changed', settings: { theme: 'sepia' } });
    await backend.close();
    backend = await openBackend(dir);
    expect(await backend.service.getSettings()).toMatchObject({
      theme: 'sepia',
      fontSize: 22,
      font: 'sans',
    });
  });

  it('keeps the compact list through a reopen, and refuses a density it does not know', async () => {
    expect((await backend.service.getSettings()).listDensity).toBe('comfortable');
    expect(valueOf(await backend.dispatch('updateSettings', [{ listDensity: 'compact' }]))).toMatchObject({
      listDensity: 'compact',
    });
    const refused = await backend.dispatch('updateSettings', [{ listDensity: 'tiny' }]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await backend.close();
    backend = await openBackend(dir);
    expect((await backend.service.getSettings()).listDensity).toBe('compact');
  });

  it('refuses values out of range', async () => {
    const result = await backend.dispatch('updateSettings', [{ fontSize: 90 }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});
