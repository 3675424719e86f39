import type { Highlight } from '@shared/annotation';
import { describe, expect, it, vi } from 'vitest';
import { failing, fakeClient } from '../testing/fake-client';
import { Notices } from '../ui/notices.svelte';
import { AnnotationsState } from './annotations.svelte';

const highlight = { id: 'h1', color: 'yellow', note: '' } as Highlight;

function setup(methods: Parameters<typeof fakeClient>[0]) {
  const notices = new Notices();
  const api = fakeClient(methods);
  const annotations = new AnnotationsState(api, notices, 'a1', { highlights: [highlight], note: '' });
  return { api, notices, annotations };
}

describe('AnnotationsState', () => {
  it('shows the changed highlight the backend answers with', async () => {
    const { annotations } = setup({
      updateHighlight: () => Promise.resolve({ ...highlight, color: 'blue' }),
    });
    await annotations.update('h1', { color: 'blue' });
    expect(annotations.highlights[0]?.color).toBe('blue');
  });

  it('tells the person when a colour change fails, and keeps the colour shown', async () => {
    const { notices, annotations } = setup({ updateHighlight: failing('The article was deleted.') });
    await annotations.update('h1', { color: 'blue' });
    expect(annotations.highlights[0]?.color).toBe('yellow');
    expect(notices.items).toMatchObject([
      { tone: 'error', title: 'The highlight was not changed', lines: ['The article was deleted.'] },
    ]);
  });

  it('leaves a failed note save to its autosaver, which retries it', async () => {
    const { notices, annotations } = setup({ setHighlightNote: failing('gone') });
    await expect(annotations.setHighlightNote('h1', { text: 'why', base: '' })).rejects.toThrow('gone');
    expect(notices.items).toEqual([]);
  });

  it('shows a saved note, and keeps the stored one when the save is refused', async () => {
    const { annotations } = setup({
      setArticleNote: (_id, edit) =>
        Promise.resolve(edit.base === '' ? { saved: true } : { saved: false, theirs: 'elsewhere' }),
      setHighlightNote: () => Promise.resolve({ saved: true }),
    });
    expect(await annotations.setNote({ text: 'mine', base: '' })).toEqual({ saved: true });
    expect(annotations.note).toBe('mine');
    expect(await annotations.setNote({ text: 'later', base: 'stale' })).toEqual({
      saved: false,
      theirs: 'elsewhere',
    });
    expect(annotations.note).toBe('mine');
    await annotations.setHighlightNote('h1', { text: 'why', base: '' });
    expect(annotations.highlights[0]?.note).toBe('why');
  });

  it('deletes with an undo that restores the same highlight', async () => {
    const restoreHighlight = vi.fn(() => Promise.resolve());
    const { notices, annotations } = setup({
      deleteHighlight: () => Promise.resolve(highlight),
      restoreHighlight,
    });
    await annotations.remove('h1');
    expect(annotations.highlights).toEqual([]);
    notices.items[0]?.action?.run();
    await vi.waitFor(() => expect(annotations.highlights).toEqual([highlight]));
    expect(restoreHighlight).toHaveBeenCalledWith('a1', highlight);
  });

  it('follows changes made in other windows until disposed', () => {
    const { api, annotations } = setup({});
    api.emit({ type: 'annotations-changed', articleId: 'a1', highlights: [], note: 'from elsewhere' });
    expect(annotations.note).toBe('from elsewhere');
    annotations.dispose();
    api.emit({ type: 'annotations-changed', articleId: 'a1', highlights: [highlight], note: 'later' });
    expect(annotations.note).toBe('from elsewhere');
  });
});
