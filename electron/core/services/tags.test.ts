import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LecternEvent } from '../../shared/api';
import { openBackend, type Backend } from '../open-backend';

let dir: string;
let backend: Backend;
let events: LecternEvent[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-tags-'));
  backend = await openBackend(dir);
  events = [];
  backend.events.subscribe((event) => events.push(event));
});

afterEach(async () => {
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});

async function article(title: string, tags: string[]): Promise<string> {
  const outcome = await backend.service.importText({ text: `${title}\n\nBody.` });
  if (outcome.status !== 'imported') throw new Error(`import ended ${outcome.status}`);
  if (tags.length > 0) await backend.service.tagArticles([outcome.article.id], tags);
  return outcome.article.id;
}

const tagsOf = (id: string) => backend.library.summary(id).tags;

describe('tags', () => {
  it('counts parents with their children, each article once', async () => {
    await article('A', ['work/reading', 'work/admin']);
    await article('B', ['work']);
    await article('C', ['play']);
    expect(await backend.service.listTags()).toEqual([
      { name: 'play', count: 1, color: null },
      { name: 'work', count: 2, color: null },
      { name: 'work/admin', count: 1, color: null },
      { name: 'work/reading', count: 1, color: null },
    ]);
  });

  it('adds a tag once whatever its case, and removes exactly the one named', async () => {
    const a = await article('A', ['Work', 'work/reading']);
    await backend.service.tagArticles([a], ['work', 'new']);
    expect(tagsOf(a)).toEqual(['Work', 'work/reading', 'new']);
    await backend.service.untagArticles([a], ['WORK']);
    expect(tagsOf(a)).toEqual(['work/reading', 'new']);
  });

  it('renames a tag everywhere, its children with it, colour included', async () => {
    const a = await article('A', ['work/reading']);
    const b = await article('B', ['work', 'other']);
    await backend.service.setTagColor('work', 'blue');
    const result = await backend.service.renameTag('work', 'job');
    expect(result.changed).toHaveLength(2);
    expect(tagsOf(a)).toEqual(['job/reading']);
    expect(tagsOf(b)).toEqual(['job', 'other']);
    const file = JSON.parse(await readFile(join(dir, 'lectern.json'), 'utf8')) as { tagColors: object };
    expect(file.tagColors).toEqual({ job: 'blue' });
    expect(events.some((e) => e.type === 'library-settings-changed')).toBe(true);
  });

  it('undoes a rename and a merge, colours included', async () => {
    const a = await article('A', ['work/reading']);
    const b = await article('B', ['job']);
    await backend.service.setTagColor('work', 'blue');
    await backend.service.setTagColor('work/reading', 'green');
    await backend.service.setTagColor('job', 'red');
    const merged = await backend.service.renameTag('work', 'job');
    expect(backend.library.file.tagColors()).toEqual({ job: 'red', 'job/reading': 'green' });
    await backend.service.restoreStates(merged.undo);
    await backend.service.restoreTagColors(merged.colorsBefore);
    expect([tagsOf(a), tagsOf(b)]).toEqual([['work/reading'], ['job']]);
    expect(backend.library.file.tagColors()).toEqual({
      work: 'blue',
      'work/reading': 'green',
      job: 'red',
    });
    const file = JSON.parse(await readFile(join(dir, 'lectern.json'), 'utf8')) as { tagColors: object };
    expect(file.tagColors).toEqual(backend.library.file.tagColors());
  });

  it('undoes a delete, colour included', async () => {
    const a = await article('A', ['work']);
    await backend.service.setTagColor('work', 'teal');
    const deleted = await backend.service.deleteTag('work');
    expect(backend.library.file.tagColors()).toEqual({});
    await backend.service.restoreStates(deleted.undo);
    await backend.service.restoreTagColors(deleted.colorsBefore);
    expect(tagsOf(a)).toEqual(['work']);
    expect((await backend.service.listTags())[0]).toEqual({ name: 'work', count: 1, color: 'teal' });
    const bad = await backend.dispatch('restoreTagColors', [{ work: 'mauve' }]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await backend.dispatch('restoreTagColors', [{ ' work / x ': 'red' }])).toMatchObject({ ok: true });
    expect(backend.library.file.tagColors()).toEqual({ work: 'teal', 'work/x': 'red' });
  });

  it('merges into an existing tag without doubling it', async () => {
    const a = await article('A', ['reading', 'toread']);
    const b = await article('B', ['toread']);
    await backend.service.renameTag('toread', 'Reading');
    expect(tagsOf(a)).toEqual(['reading']);
    expect(tagsOf(b)).toEqual(['Reading']);
    expect((await backend.service.listTags()).map((t) => [t.name, t.count])).toEqual([['reading', 2]]);
  });

  it('deletes a tag and its children from every article', async () => {
    const a = await article('A', ['work/reading', 'keep']);
    await backend.service.deleteTag('work');
    expect(tagsOf(a)).toEqual(['keep']);
    await expect(backend.service.deleteTag('work')).rejects.toMatchObject({ code: 'not-found' });
    await expect(backend.service.renameTag('nothing', 'x')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('undoes a bulk change by restoring the states it reports', async () => {
    const a = await article('A', ['x']);
    const b = await article('B', []);
    const tagged = await backend.service.tagArticles([a, b], ['y']);
    const archived = await backend.service.updateArticles([a, b], { status: 'archived', favorite: true });
    await backend.service.restoreStates(archived.undo);
    await backend.service.restoreStates(tagged.undo);
    expect([tagsOf(a), tagsOf(b)]).toEqual([['x'], []]);
    expect(backend.library.summary(a).status).toBe('inbox');
    expect(backend.library.summary(b).favorite).toBe(false);
  });

  it('changes nothing, and writes nothing, for articles already as asked', async () => {
    const a = await article('A', ['x']);
    const before = backend.library.summary(a).updatedAt;
    const result = await backend.service.tagArticles([a], ['X']);
    expect(result).toEqual({ changed: [], undo: [], failed: [] });
    expect(backend.library.summary(a).updatedAt).toBe(before);
  });
});
