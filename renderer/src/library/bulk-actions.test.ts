import type { ArticleState, BulkResult, TagChange } from '@shared/api';
import type { ArticleSummary } from '@shared/article';
import { describe, expect, it, vi } from 'vitest';
import { failing, fakeClient } from '../testing/fake-client';
import { Notices } from '../ui/notices.svelte';
import { LibraryActions } from './bulk-actions';

const before: ArticleState = { id: 'a1', status: 'inbox', favorite: false, tags: [], progress: 0 };

function changed(ids: string[]): BulkResult {
  return { changed: ids.map((id) => ({ id }) as ArticleSummary), undo: [before], failed: [] };
}

function setup(methods: Parameters<typeof fakeClient>[0]) {
  const notices = new Notices();
  return { notices, actions: new LibraryActions(fakeClient(methods), notices) };
}

describe('LibraryActions', () => {
  it('archives, says so and undoes by restoring the states from before', async () => {
    const restoreStates = vi.fn(() => Promise.resolve(changed(['a1'])));
    const { notices, actions } = setup({
      updateArticles: () => Promise.resolve(changed(['a1'])),
      restoreStates,
    });
    await actions.archive(['a1'], true);
    const [notice] = notices.items;
    expect(notice).toMatchObject({ tone: 'success', title: 'Archived 1 article' });
    notice?.action?.run();
    await vi.waitFor(() => expect(restoreStates).toHaveBeenCalledWith([before]));
  });

  it.each([
    ['archive', (a: LibraryActions) => a.archive(['a1'], true)],
    ['favorite', (a: LibraryActions) => a.favorite(['a1'], true)],
    ['mark as read', (a: LibraryActions) => a.markRead(['a1'], true)],
    ['tag', (a: LibraryActions) => a.tag(['a1'], ['work'])],
    ['delete', (a: LibraryActions) => a.trash(['a1'])],
  ])('tells the person when %s fails', async (_name, run) => {
    const broken = failing('The library folder is not reachable.');
    const { notices, actions } = setup({
      updateArticles: broken,
      tagArticles: broken,
      trashArticles: broken,
    });
    await run(actions);
    expect(notices.items).toMatchObject([
      { tone: 'error', title: 'That did not work', lines: ['The library folder is not reachable.'] },
    ]);
  });

  it('tells the person when an undo fails', async () => {
    const { notices, actions } = setup({
      trashArticles: () => Promise.resolve(changed(['a1'])),
      restoreArticles: failing('The trash could not be read.'),
    });
    await actions.trash(['a1']);
    notices.items[0]?.action?.run();
    await vi.waitFor(() =>
      expect(notices.items.at(-1)).toMatchObject({ tone: 'error', lines: ['The trash could not be read.'] }),
    );
  });

  it('renames a tag with an undo, and answers false with a notice when it fails', async () => {
    const change: TagChange = { ...changed(['a1', 'a2']), colorsBefore: { old: 'red' } };
    const restoreTagColors = vi.fn(() => Promise.resolve());
    const ok = setup({
      renameTag: () => Promise.resolve(change),
      restoreStates: () => Promise.resolve(changed([])),
      restoreTagColors,
    });
    expect(await ok.actions.renameTag('old', 'new', null)).toBe(true);
    expect(ok.notices.items[0]).toMatchObject({
      title: 'Renamed “old” to “new”',
      lines: ['2 articles changed'],
    });
    ok.notices.items[0]?.action?.run();
    await vi.waitFor(() => expect(restoreTagColors).toHaveBeenCalledWith({ old: 'red' }));

    const broken = setup({ renameTag: failing('No tag is called “old”.') });
    expect(await broken.actions.renameTag('old', 'new', null)).toBe(false);
    expect(broken.notices.items).toMatchObject([{ tone: 'error', lines: ['No tag is called “old”.'] }]);
  });

  it('tells the person when a tag colour, a saved view or its removal fails', async () => {
    const { notices, actions } = setup({
      setTagColor: failing('colour'),
      saveView: failing('save'),
      deleteView: failing('delete'),
    });
    await actions.setTagColor('work', 'red');
    expect(await actions.saveView('Long reads', 'words:>3000')).toBe(false);
    expect(await actions.deleteView('Long reads')).toBe(false);
    expect(notices.items.map((n) => n.lines[0])).toEqual(['colour', 'save', 'delete']);
  });

  it('archives and favorites one article from the reader, and tells when either fails', async () => {
    const updateArticle = vi.fn((id: string, patch: object) =>
      Promise.resolve({ id, ...patch } as ArticleSummary),
    );
    const ok = setup({ updateArticle });
    expect(await ok.actions.setArchived('a1', true)).toMatchObject({ id: 'a1', status: 'archived' });
    expect(await ok.actions.setFavorite('a1', true)).toMatchObject({ id: 'a1', favorite: true });
    expect(ok.notices.items).toMatchObject([{ tone: 'success', title: 'Archived' }]);

    const broken = setup({ updateArticle: failing('The article was deleted.') });
    expect(await broken.actions.setArchived('a1', true)).toBeNull();
    expect(await broken.actions.setFavorite('a1', true)).toBeNull();
    expect(broken.notices.items.map((n) => [n.tone, n.lines[0]])).toEqual([
      ['error', 'The article was deleted.'],
      ['error', 'The article was deleted.'],
    ]);
  });
});
