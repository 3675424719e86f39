import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LecternEvent } from '../../shared/api';
import { useBackend } from '../fixtures/backend-folder';

const temp = useBackend();
let events: LecternEvent[];

beforeEach(async () => {
  events = [];
  temp.backend.events.subscribe((event) => events.push(event));
});

async function article(title: string, tags: string[]): Promise<string> {
  const outcome = await temp.backend.service.importText({ text: `${title}\n\nBody.` });
  if (outcome.status !== 'imported') throw new Error(`import ended ${outcome.status}`);
  if (tags.length > 0) await temp.backend.service.tagArticles([outcome.article.id], tags);
  return outcome.article.id;
}

const tagsOf = (id: string) => temp.backend.library.summary(id).tags;

describe('tags', () => {
  it('counts parents with their children, each article once', async () => {
    await article('A', ['work/reading', 'work/admin']);
    await article('B', ['work']);
    await article('C', ['play']);
    expect(await temp.backend.service.listTags()).toEqual([
      { name: 'play', count: 1, color: null },
      { name: 'work', count: 2, color: null },
      { name: 'work/admin', count: 1, color: null },
      { name: 'work/reading', count: 1, color: null },
    ]);
  });

  it('adds a tag once whatever its case, and removes exactly the one named', async () => {
    const a = await article('A', ['Work', 'work/reading']);
    await temp.backend.service.tagArticles([a], ['work', 'new']);
    expect(tagsOf(a)).toEqual(['Work', 'work/reading', 'new']);
    await temp.backend.service.untagArticles([a], ['WORK']);
    expect(tagsOf(a)).toEqual(['work/reading', 'new']);
  });

  it('renames a tag everywhere, its children with it, colour included', async () => {
    const a = await article('A', ['work/reading']);
    const b = await article('B', ['work', 'other']);
    await temp.backend.service.setTagColor('work', 'blue');
    const result = await temp.backend.service.renameTag('work', 'job');
    expect(result.changed).toHaveLength(2);
    expect(tagsOf(a)).toEqual(['job/reading']);
    expect(tagsOf(b)).toEqual(['job', 'other']);
    const file = JSON.parse(await readFile(join(temp.dir, 'lectern.json'), 'utf8')) as { tagColors: object };
    expect(file.tagColors).toEqual({ job: 'blue' });
    expect(events.some((e) => e.type === 'library-settings-changed')).toBe(true);
  });

  it('undoes a rename and a merge, colours included', async () => {
    const a = await article('A', ['work/reading']);
    const b = await article('B', ['job']);
    await temp.backend.service.setTagColor('work', 'blue');
    await temp.backend.service.setTagColor('work/reading', 'green');
    await temp.backend.service.setTagColor('job', 'red');
    const merged = await temp.backend.service.renameTag('work', 'job');
    expect(temp.backend.library.file.tagColors()).toEqual({ job: 'red', 'job/reading': 'green' });
    await temp.backend.service.restoreStates(merged.undo);
    await temp.backend.service.restoreTagColors(merged.colorsBefore);
    expect([tagsOf(a), tagsOf(b)]).toEqual([['work/reading'], ['job']]);
    expect(temp.backend.library.file.tagColors()).toEqual({
      work: 'blue',
      'work/reading': 'green',
      job: 'red',
    });
    const file = JSON.parse(await readFile(join(temp.dir, 'lectern.json'), 'utf8')) as { tagColors: object };
    expect(file.tagColors).toEqual(temp.backend.library.file.tagColors());
  });

  it('undoes a delete, colour included', async () => {
    const a = await article('A', ['work']);
    await temp.backend.service.setTagColor('work', 'teal');
    const deleted = await temp.backend.service.deleteTag('work');
    expect(temp.backend.library.file.tagColors()).toEqual({});
    await temp.backend.service.restoreStates(deleted.undo);
    await temp.backend.service.restoreTagColors(deleted.colorsBefore);
    expect(tagsOf(a)).toEqual(['work']);
    expect((await temp.backend.service.listTags())[0]).toEqual({ name: 'work', count: 1, color: 'teal' });
    const bad = await temp.backend.dispatch('restoreTagColors', [{ work: 'mauve' }]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await temp.backend.dispatch('restoreTagColors', [{ ' work / x ': 'red' }])).toMatchObject({
      ok: true,
    });
    expect(temp.backend.library.file.tagColors()).toEqual({ work: 'teal', 'work/x': 'red' });
  });

  it('merges into an existing tag without doubling it', async () => {
    const a = await article('A', ['reading', 'toread']);
    const b = await article('B', ['toread']);
    await temp.backend.service.renameTag('toread', 'Reading');
    expect(tagsOf(a)).toEqual(['reading']);
    expect(tagsOf(b)).toEqual(['Reading']);
    expect((await temp.backend.service.listTags()).map((t) => [t.name, t.count])).toEqual([['reading', 2]]);
  });

  it('deletes a tag and its children from every article', async () => {
    const a = await article('A', ['work/reading', 'keep']);
    await temp.backend.service.deleteTag('work');
    expect(tagsOf(a)).toEqual(['keep']);
    await expect(temp.backend.service.deleteTag('work')).rejects.toMatchObject({ code: 'not-found' });
    await expect(temp.backend.service.renameTag('nothing', 'x')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('undoes a bulk change by restoring the states it reports', async () => {
    const a = await article('A', ['x']);
    const b = await article('B', []);
    const tagged = await temp.backend.service.tagArticles([a, b], ['y']);
    const archived = await temp.backend.service.updateArticles([a, b], {
      status: 'archived',
      favorite: true,
    });
    await temp.backend.service.restoreStates(archived.undo);
    await temp.backend.service.restoreStates(tagged.undo);
    expect([tagsOf(a), tagsOf(b)]).toEqual([['x'], []]);
    expect(temp.backend.library.summary(a).status).toBe('inbox');
    expect(temp.backend.library.summary(b).favorite).toBe(false);
  });

  it('changes nothing, and writes nothing, for articles already as asked', async () => {
    const a = await article('A', ['x']);
    const before = temp.backend.library.summary(a).updatedAt;
    const result = await temp.backend.service.tagArticles([a], ['X']);
    expect(result).toEqual({ changed: [], undo: [], failed: [] });
    expect(temp.backend.library.summary(a).updatedAt).toBe(before);
  });
});
