import type { LibraryHighlight } from '@shared/api';
import { describe, expect, it, vi } from 'vitest';
import { failing, fakeClient } from '../testing/fake-client';
import { HighlightsState } from './highlights.svelte';

describe('HighlightsState', () => {
  it('asks with the chosen filters', async () => {
    const listHighlights = vi.fn(() => Promise.resolve([] as LibraryHighlight[]));
    const highlights = new HighlightsState(fakeClient({ listHighlights }));
    highlights.color = 'green';
    highlights.text = '  lisp ';
    await highlights.load();
    expect(listHighlights).toHaveBeenCalledWith({ color: 'green', text: 'lisp' });
    expect(highlights.status).toBe('ready');
    expect(highlights.filtered).toBe(true);
  });

  it('says why the highlights could not be gathered', async () => {
    const highlights = new HighlightsState(
      fakeClient({ listHighlights: failing('The library is not reachable.') }),
    );
    await highlights.load();
    expect(highlights.status).toBe('failed');
    expect(highlights.error).toBe('The library is not reachable.');
  });

  it('asks again a moment after a change in any window', async () => {
    vi.useFakeTimers();
    const listHighlights = vi.fn(() => Promise.resolve([] as LibraryHighlight[]));
    const api = fakeClient({ listHighlights });
    const highlights = new HighlightsState(api);
    api.emit({ type: 'events-resumed' });
    api.emit({ type: 'library-settings-changed' });
    await vi.runAllTimersAsync();
    expect(listHighlights).toHaveBeenCalledTimes(1);
    highlights.dispose();
    api.emit({ type: 'events-resumed' });
    await vi.runAllTimersAsync();
    expect(listHighlights).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
