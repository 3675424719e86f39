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

    const changed = await backend.service.updateHighlight(articleId, added.id, {
      color: 'pink',
      note: '*why*',
    });
    expect(changed).toMatchObject({ id: added.id, color: 'pink', note: '*why*', target });
    expect((await stored()).highlights[0]?.note).toBe('*why*');

    const removed = await backend.service.deleteHighlight(articleId, added.id);
    expect((await stored()).highlights).toEqual([]);
    await backend.service.restoreHighlight(articleId, removed);
    expect((await stored()).highlights).toEqual([removed]);
  });

  it('saves the article note', async () => {
    await backend.service.setArticleNote(articleId, '# Thoughts\n\nGood.');
    expect((await stored()).note).toBe('# Thoughts\n\nGood.');
    expect(events.at(-1)).toMatchObject({ type: 'annotations-changed', note: '# Thoughts\n\nGood.' });
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

  it('refuses values out of range', async () => {
    const result = await backend.dispatch('updateSettings', [{ fontSize: 90 }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});
