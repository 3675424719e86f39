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
    const { notices, annotations } = setup({ updateHighlight: failing('gone') });
    await expect(annotations.update('h1', { note: 'why' })).rejects.toThrow('gone');
    expect(notices.items).toEqual([]);
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
