import { describe, expect, it } from 'vitest';
import { LecternError } from '@shared/errors';
import { fakeClient } from '../testing/fake-client';
import { Notices } from '../ui/notices.svelte';
import { LibraryOptionsState } from './library-options.svelte';

describe('LibraryOptionsState', () => {
  it('keeps a saved change', async () => {
    const api = fakeClient({
      updateLibraryOptions: async (patch) => ({ fetchImages: true, markdownTemplate: null, ...patch }),
    });
    const state = new LibraryOptionsState(api, new Notices());
    expect(await state.update({ fetchImages: false })).toBe(true);
    expect(state.value.fetchImages).toBe(false);
  });

  it('puts a refused change back and says why', async () => {
    const api = fakeClient({
      updateLibraryOptions: async () => {
        throw new LecternError('invalid-argument', 'The Markdown template cannot be used: {{titel}}.');
      },
    });
    const state = new LibraryOptionsState(api, new Notices());
    expect(await state.update({ markdownTemplate: '{{titel}}' })).toBe(false);
    expect(state.value.markdownTemplate).toBeNull();
    expect(state.problem).toContain('titel');
  });
});
